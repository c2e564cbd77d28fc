package dev.flexfun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.flexfun.server.config.ConfigException;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import dev.flexfun.server.observability.CallSpan;
import dev.flexfun.server.observability.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.arrow.flight.FlightCallHeaders;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.HeaderCallOption;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code server.otel_exporter_type} over real Flight RPC: a server span per RPC, the function's run
 * as its child on the task thread, the caller's W3C trace continued, nothing with {@code none}.
 */
class TracingServerTest {
    private static final long WAIT_MS = 10_000;

    /** A function that remembers the span current while it runs. */
    private static TestFunction traced(AtomicReference<SpanContext> seen) {
        GeneratedResult result = new GeneratedResult(5, 2, true);
        return TestFunction.sample("Traced", ctx -> {
            seen.set(Span.current().getSpanContext());
            return result;
        });
    }

    @Test
    void aCallMakesServerSpansWithTheFunctionRunAsChild() throws Exception {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        AtomicReference<SpanContext> seen = new AtomicReference<>();
        List<SpanData> spans;
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder().settings(ServerHarness.settings(""))
                .function(traced(seen)).tracing(Tracing.withExporter(exporter)))) {
            FlightInfo info = h.call("Traced", "{}");
            assertEquals(5, h.read(info).size());
            spans = await(exporter::getFinishedSpanItems, 3);
        }
        SpanData getInfo = named(spans, "GetFlightInfo");
        SpanData function = named(spans, "function Traced");
        SpanData doGet = named(spans, "DoGet");

        assertEquals(SpanKind.SERVER, getInfo.getKind());
        assertFalse(getInfo.getParentSpanContext().isValid(), "no traceparent came: a new trace");
        assertEquals("Traced", getInfo.getAttributes().get(CallSpan.FUNCTION));
        assertEquals("OK", getInfo.getAttributes().get(CallSpan.OUTCOME));
        assertEquals("GetFlightInfo", getInfo.getAttributes().get(CallSpan.RPC_METHOD));
        String taskId = getInfo.getAttributes().get(CallSpan.TASK_ID);
        assertEquals(32, taskId.length());
        assertTrue(getInfo.getAttributes().get(CallSpan.PEER).matches("127\\.0\\.0\\.1:\\d+"), getInfo.toString());
        assertNull(getInfo.getAttributes().get(CallSpan.ROWS));

        // The function ran on a task thread, under the GetFlightInfo span.
        assertEquals(getInfo.getTraceId(), function.getTraceId());
        assertEquals(getInfo.getSpanId(), function.getParentSpanId());
        assertEquals(taskId, function.getAttributes().get(CallSpan.TASK_ID));
        assertEquals(function.getSpanContext(), seen.get(), "the function sees its own span as current");
        assertEquals(StatusCode.UNSET, function.getStatus().getStatusCode());

        assertEquals(SpanKind.SERVER, doGet.getKind());
        assertEquals(5L, doGet.getAttributes().get(CallSpan.ROWS));
        assertEquals(taskId, doGet.getAttributes().get(CallSpan.TASK_ID));
        assertEquals("OK", doGet.getAttributes().get(CallSpan.OUTCOME));
    }

    @Test
    void aFailingCallMarksItsSpansAsErrors() throws Exception {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        List<SpanData> spans;
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder().settings(ServerHarness.settings(""))
                .function(TestFunction.sample("Broken", ctx -> {
                    throw new IllegalStateException("boom");
                })).tracing(Tracing.withExporter(exporter)))) {
            ServerHarness.failure(() -> h.call("Broken", "{}"));
            spans = await(exporter::getFinishedSpanItems, 2);
        }
        SpanData getInfo = named(spans, "GetFlightInfo");
        SpanData function = named(spans, "function Broken");
        assertEquals("COMMAND_FAILED", getInfo.getAttributes().get(CallSpan.OUTCOME));
        assertEquals(StatusCode.ERROR, getInfo.getStatus().getStatusCode());
        assertEquals(StatusCode.ERROR, function.getStatus().getStatusCode());
        assertEquals(getInfo.getSpanId(), function.getParentSpanId());
    }

    @Test
    void anIncomingTraceparentBecomesTheParent() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String parentId = "00f067aa0ba902b7";
        FlightCallHeaders headers = new FlightCallHeaders();
        headers.insert("traceparent", "00-" + traceId + "-" + parentId + "-01");
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        List<SpanData> spans;
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder().settings(ServerHarness.settings(""))
                .function(traced(new AtomicReference<>())).tracing(Tracing.withExporter(exporter)))) {
            h.call("Traced", "{}", new HeaderCallOption(headers));
            spans = await(exporter::getFinishedSpanItems, 2);
        }
        SpanData getInfo = named(spans, "GetFlightInfo");
        assertEquals(traceId, getInfo.getTraceId());
        assertEquals(parentId, getInfo.getParentSpanId());
        assertTrue(getInfo.getParentSpanContext().isRemote());
        assertEquals(traceId, named(spans, "function Traced").getTraceId());
    }

    @Test
    void noneMakesNoSpans() throws Exception {
        AtomicReference<SpanContext> seen = new AtomicReference<>();
        try (ServerHarness h = ServerHarness.start("otel_exporter_type = \"none\"\n", traced(seen))) {
            h.read(h.call("Traced", "{}"));
        }
        assertFalse(seen.get().isValid(), "no span is current in the function: nothing is recorded");
        assertFalse(Tracing.forExporterType("none").enabled());
    }

    @Test
    void anUnknownExporterTypeStopsStartup() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ServerHarness.settings("otel_exporter_type = \"zipkin\"\n"));
        assertTrue(e.getMessage().contains("server.otel_exporter_type"), e.getMessage());
        assertTrue(e.getMessage().contains("none, console, otlp-grpc, otlp-http"), e.getMessage());
        // Settings built another way meet the same check when the server makes its tracing.
        ConfigException direct = assertThrows(ConfigException.class, () -> Tracing.forExporterType("jaeger"));
        assertTrue(direct.getMessage().contains("server.otel_exporter_type"), direct.getMessage());
        assertTrue(direct.getMessage().contains("none, console, otlp-grpc, otlp-http"), direct.getMessage());
    }

    @Test
    void consoleLogsOneLinePerSpan() throws Exception {
        Logger spanLogger = (Logger) LoggerFactory.getLogger("dev.flexfun.server.spans");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        spanLogger.addAppender(lines);
        List<ILoggingEvent> events;
        try (ServerHarness h = ServerHarness.start("otel_exporter_type = \"console\"\n",
                traced(new AtomicReference<>()))) {
            h.read(h.call("Traced", "{}"));
            events = await(() -> List.copyOf(lines.list), 3);
        } finally {
            spanLogger.detachAppender(lines);
        }
        Map<String, Map<String, String>> byName = events.stream().map(TracingServerTest::fields)
                .collect(Collectors.toMap(f -> f.get("span_name"), f -> f));
        assertEquals(3, byName.size(), byName.toString());
        events.forEach(event -> assertEquals("span", event.getMessage()));
        Map<String, String> getInfo = byName.get("GetFlightInfo");
        Map<String, String> function = byName.get("function Traced");
        assertEquals(getInfo.get("span_id"), function.get("parent_span_id"));
        assertEquals(getInfo.get("trace_id"), function.get("trace_id"));
        assertEquals("OK", getInfo.get("flexfun.outcome"));
        assertEquals("5", byName.get("DoGet").get("flexfun.rows"));
    }

    private static Map<String, String> fields(ILoggingEvent event) {
        Map<String, String> fields = new TreeMap<>();
        event.getKeyValuePairs().forEach(kv -> fields.put(kv.key, String.valueOf(kv.value)));
        return fields;
    }

    private static SpanData named(List<SpanData> spans, String name) {
        List<SpanData> found = spans.stream().filter(s -> s.getName().equals(name)).toList();
        assertEquals(1, found.size(), () -> name + " in " + spans);
        return found.get(0);
    }

    /**
     * Spans end when calls complete, which may be just after the client has its answer: wait for
     * them (a bound against hanging, not a timing assertion).
     */
    private static <T> List<T> await(Supplier<List<T>> items, int count) throws InterruptedException {
        long until = System.currentTimeMillis() + WAIT_MS;
        List<T> now = items.get();
        while (now.size() < count && System.currentTimeMillis() < until) {
            Thread.sleep(10);
            now = items.get();
        }
        assertEquals(count, now.size(), now::toString);
        return now;
    }
}
