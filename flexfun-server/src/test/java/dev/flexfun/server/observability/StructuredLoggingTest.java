package dev.flexfun.server.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** setEventKey on the process's real logging set-up (the shipped logback.xml, JSON by default). */
class StructuredLoggingTest {

    private static ConsoleLayout consoleLayout() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var appender = (OutputStreamAppender<?>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("console");
        return (ConsoleLayout) ((LayoutWrappingEncoder<?>) appender.getEncoder()).getLayout();
    }

    @Test
    void setEventKeyRenamesTheMessageKeyOfTheJsonConsole() throws Exception {
        try {
            assertEquals(1, StructuredLogging.setEventKey("message"));
            var event = new ch.qos.logback.classic.spi.LoggingEvent("x",
                    (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("t"), ch.qos.logback.classic.Level.INFO,
                    "hello", null, null);
            var line = new com.fasterxml.jackson.databind.ObjectMapper().readTree(consoleLayout().doLayout(event));
            assertEquals("hello", line.get("message").asText());
        } finally {
            StructuredLogging.setEventKey(JsonLineLayout.DEFAULT_EVENT_KEY);
        }
    }
}
