package dev.flexfun.server.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.flexfun.server.FlexFunServer;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.flight.FlightInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The real server logs one line per call (not per batch) with peer, function, task id, duration and outcome. */
class CallLogServerTest {
    private final Logger callLogger = (Logger) LoggerFactory.getLogger("dev.flexfun.server.calls");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        callLogger.addAppender(lines);
    }

    @AfterEach
    void release() {
        callLogger.detachAppender(lines);
    }

    private static Map<String, String> fields(ILoggingEvent event) {
        Map<String, String> fields = new TreeMap<>();
        event.getKeyValuePairs().forEach(kv -> fields.put(kv.key, String.valueOf(kv.value)));
        return fields;
    }

    @Test
    void oneLinePerCall() throws Exception {
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder().settings(ServerHarness.settings(""))
                .registry(new TestRegistry()))) {
            FlightInfo info = h.call("Sample", "{\"rows\": 10}", ServerHarness.pollable());
            h.read(info); // Sample with batch_size 65536: one batch; the line must not depend on batches anyway
            ServerHarness.failure(() -> h.call("Failing", "{}"));
        }
        List<ILoggingEvent> events = lines.list;
        assertEquals(3, events.size(), () -> events.toString());
        Map<String, String> getInfo = fields(events.get(0));
        Map<String, String> doGet = fields(events.get(1));
        Map<String, String> failed = fields(events.get(2));

        assertEquals("call_completed", events.get(0).getMessage());
        assertEquals(Level.INFO, events.get(0).getLevel());
        assertEquals("GetFlightInfo", getInfo.get("rpc"));
        assertEquals("Sample", getInfo.get("function"));
        assertEquals("OK", getInfo.get("outcome"));
        assertTrue(getInfo.get("peer").matches("127\\.0\\.0\\.1:\\d+"), getInfo.toString());
        assertTrue(getInfo.containsKey("duration_ms"));
        assertEquals(32, getInfo.get("task_id").length());

        assertEquals("DoGet", doGet.get("rpc"));
        assertEquals(getInfo.get("task_id"), doGet.get("task_id"));
        assertEquals("10", doGet.get("rows"));
        assertEquals("OK", doGet.get("outcome"));

        assertEquals(Level.WARN, events.get(2).getLevel());
        assertEquals("COMMAND_FAILED", failed.get("outcome"));
        assertEquals("Failing", failed.get("function"));
    }
}
