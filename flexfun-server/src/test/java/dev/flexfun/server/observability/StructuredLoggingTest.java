package dev.flexfun.server.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.junit.jupiter.api.Test;

/**
 * setEventKey on the shipped logback.xml (JSON by default). The tests' own logback-test.xml shadows
 * it in this JVM's global context, so the shipped file is loaded into a context of its own.
 */
class StructuredLoggingTest {

    private static ConsoleLayout consoleLayout(LoggerContext context) {
        var appender = (OutputStreamAppender<?>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("console");
        return (ConsoleLayout) ((LayoutWrappingEncoder<?>) appender.getEncoder()).getLayout();
    }

    @Test
    void setEventKeyRenamesTheMessageKeyOfTheJsonConsole() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(StructuredLoggingTest.class.getResource("/logback.xml"));

            assertEquals(1, StructuredLogging.setEventKey(context, "message"));
            var event = new ch.qos.logback.classic.spi.LoggingEvent("x", context.getLogger("t"),
                    ch.qos.logback.classic.Level.INFO, "hello", null, null);
            var line = new com.fasterxml.jackson.databind.ObjectMapper().readTree(consoleLayout(context).doLayout(event));
            assertEquals("hello", line.get("message").asText());
        } finally {
            context.stop();
        }
    }
}
