package dev.flexfun.server.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The shipped logback.xml, loaded into a fresh logger context whose console is captured: the JSON
 * line shape by default, the event key rename, and the dev format.
 */
class JsonLogLineTest {

    /** Configures a fresh context from the main logback.xml with {@code format}, runs {@code body}, returns stdout lines. */
    private static List<String> capture(String format, java.util.function.Consumer<LoggerContext> body) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        // CallLog.scope writes SLF4J's global MDC; let this context read the same one.
        context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            if (format != null) {
                context.putProperty(StructuredLogging.FORMAT_PROPERTY, format);
            }
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(JsonLogLineTest.class.getResource("/logback.xml"));
            assertEquals(ch.qos.logback.core.status.Status.INFO,
                    new ch.qos.logback.core.status.StatusUtil(context).getHighestLevel(0),
                    "logback.xml loads without warnings (a warning makes logback print its status on startup)");
            body.accept(context);
        } finally {
            context.stop();
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static void logCall(Logger log) {
        try (CallLog.Scope scope = CallLog.scope("ipv4:127.0.0.1:5000", "Sales", "abc123")) {
            log.atInfo().addKeyValue(CallLog.RPC, "DoGet").addKeyValue(CallLog.DURATION_MS, 12L)
                    .addKeyValue(CallLog.OUTCOME, "OK").addKeyValue("cached", true).log("call_completed");
        }
        log.info("after the call");
    }

    @Test
    void defaultIsOneJsonObjectPerLineWithTheCallFields() throws Exception {
        List<String> lines = capture(null, context -> logCall(context.getLogger("test")));
        assertEquals(2, lines.size(), lines.toString());
        JsonNode call = new ObjectMapper().readTree(lines.get(0));
        assertEquals("call_completed", call.get("event").asText());
        assertEquals("info", call.get("level").asText());
        assertEquals("test", call.get("logger").asText());
        assertEquals("ipv4:127.0.0.1:5000", call.get("peer").asText());
        assertEquals("Sales", call.get("function").asText());
        assertEquals("abc123", call.get("task_id").asText());
        assertEquals("DoGet", call.get("rpc").asText());
        assertTrue(call.get("duration_ms").isIntegralNumber());
        assertEquals(12, call.get("duration_ms").asLong());
        assertEquals("OK", call.get("outcome").asText());
        assertTrue(call.get("cached").isBoolean());
        assertTrue(call.get("timestamp").asText().endsWith("Z"));

        JsonNode after = new ObjectMapper().readTree(lines.get(1));
        assertEquals("after the call", after.get("event").asText());
        assertFalse(after.has("peer"), "the call's MDC scope is closed");
    }

    @Test
    void eventKeyIsConfigurable() throws Exception {
        List<String> lines = capture(null, context -> {
            context.getLogger("test").info("before");
            // What StructuredLogging.setEventKey does on the global context, on this one.
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(a -> {
                var encoder = (ch.qos.logback.core.encoder.LayoutWrappingEncoder<?>)
                        ((ch.qos.logback.core.OutputStreamAppender<?>) a).getEncoder();
                ((ConsoleLayout) encoder.getLayout()).setEventKey("msg");
            });
            context.getLogger("test").info("after");
        });
        ObjectMapper json = new ObjectMapper();
        assertEquals("before", json.readTree(lines.get(0)).get("event").asText());
        JsonNode renamed = json.readTree(lines.get(1));
        assertEquals("after", renamed.get("msg").asText());
        assertFalse(renamed.has("event"));
    }

    @Test
    void callLogHelperWritesOneLineWithAllFields() throws Exception {
        // CallLog logs through the global SLF4J context; the layout is what matters here.
        JsonLineLayout layout = new JsonLineLayout();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
        layout.setContext(context);
        layout.start();
        var logger = context.getLogger("dev.flexfun.server.calls");
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.setContext(context);
        appender.start();
        logger.addAppender(appender);
        // Same calls CallLog.callCompleted makes, against this context's logger.
        CallLog.callCompleted(logger, "GetFlightInfo", "ipv4:10.0.0.1:1", "Sales", "t1", Duration.ofMillis(1500),
                "COMMAND_FAILED", -1);
        assertEquals(1, appender.list.size());
        JsonNode line = new ObjectMapper().readTree(layout.doLayout(appender.list.get(0)));
        assertEquals("call_completed", line.get("event").asText());
        assertEquals("warn", line.get("level").asText(), "failed calls log at WARN");
        assertEquals(1500, line.get("duration_ms").asLong());
        assertEquals("COMMAND_FAILED", line.get("outcome").asText());
        assertEquals("t1", line.get("task_id").asText());
        assertFalse(line.has("rows"));
        context.stop();
    }

    @Test
    void devFormatIsHumanReadable() throws Exception {
        List<String> lines = capture("dev", context -> logCall(context.getLogger("test")));
        assertEquals(2, lines.size(), lines.toString());
        assertFalse(lines.get(0).startsWith("{"), lines.get(0));
        assertTrue(lines.get(0).contains("call_completed"), lines.get(0));
        assertTrue(lines.get(0).contains("rpc=DoGet"), lines.get(0));
        assertTrue(lines.get(0).contains("task_id=abc123"), lines.get(0));
    }
}
