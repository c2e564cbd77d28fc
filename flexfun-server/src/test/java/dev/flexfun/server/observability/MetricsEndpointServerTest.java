package dev.flexfun.server.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.server.FlexFunServer;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestRegistry;
import org.apache.arrow.flight.Criteria;
import org.junit.jupiter.api.Test;

/** A scrape of the real server's metrics endpoint after a few real calls. */
class MetricsEndpointServerTest {

    @Test
    void countersMoveByExactlyTheCallsMade() throws Exception {
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder()
                .settings(ServerHarness.settings("metrics_host = \"127.0.0.1\"\nmetrics_port = 0\n"))
                .registry(new TestRegistry()))) {
            int port = h.server.metricsPort().orElseThrow();
            Scrape before = Scrape.of(port);

            h.client.listFlights(Criteria.ALL).forEach(i -> { });
            assertEquals(5, h.read(h.call("Sample", "{\"rows\": 5}")).size());
            assertEquals(7, h.read(h.call("Sample", "{\"rows\": 7}")).size());
            ServerHarness.expectCode(ServerHarness.failure(() -> h.call("Failing", "{}")), ErrorCode.COMMAND_FAILED);
            ServerHarness.expectCode(ServerHarness.failure(() -> h.call("Nope", "{}")), ErrorCode.BAD_ARGUMENT);

            Scrape after = Scrape.of(port);
            String calls = "flexfun_calls_total";
            assertEquals(1, delta(before, after, calls, "rpc", "ListFlights", "function", "", "code", "OK"));
            assertEquals(2, delta(before, after, calls, "rpc", "GetFlightInfo", "function", "Sample", "code", "OK"));
            assertEquals(2, delta(before, after, calls, "rpc", "DoGet", "function", "Sample", "code", "OK"));
            assertEquals(1, delta(before, after, calls, "rpc", "GetFlightInfo", "function", "Failing", "code",
                    "COMMAND_FAILED"));
            assertEquals(1, delta(before, after, calls, "rpc", "GetFlightInfo", "function", "Nope", "code",
                    "BAD_ARGUMENT"));
            assertEquals(2, delta(before, after, "flexfun_call_duration_seconds_count", "rpc", "DoGet", "function",
                    "Sample"));
            assertEquals(2, delta(before, after, "flexfun_task_queue_wait_seconds_count", "function", "Sample"));
            assertEquals(1, delta(before, after, "flexfun_task_queue_wait_seconds_count", "function", "Failing"));
            assertEquals(12, delta(before, after, "flexfun_rows_streamed_total", "function", "Sample"));
            assertTrue(after.value("flexfun_bytes_streamed_total", "function", "Sample")
                    > before.value("flexfun_bytes_streamed_total", "function", "Sample"));
            assertEquals(0, after.value("flexfun_tasks_in_flight"));
            assertEquals(0, after.value("flexfun_tasks_queued"));
            assertTrue(after.has("flexfun_arrow_allocated_bytes"), "Arrow allocator memory");
            assertTrue(after.value("flexfun_arrow_peak_allocated_bytes", "allocator", "flexfun-server") > 0);
            assertTrue(after.has("jvm_memory_used_bytes"), "JVM metrics");
        }
    }

    @Test
    void refusedCallsAreCountedWithTheirStatus() throws Exception {
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder()
                .settings(ServerHarness.settings("metrics_host = \"127.0.0.1\"\nmetrics_port = 0\n"
                        + "authentication_method = \"token\"\n[enumerated_tokens]\ntokens = [\"t\"]\n"))
                .registry(new TestRegistry()))) {
            ServerHarness.failure(() -> h.client.listFlights(Criteria.ALL).forEach(i -> { }));
            ServerHarness.failure(() -> h.call("Sample", "{}"));
            Scrape after = Scrape.of(h.server.metricsPort().orElseThrow());
            assertEquals(1, after.value("flexfun_calls_total", "rpc", "ListFlights", "function", "", "code",
                    "UNAUTHENTICATED"));
            assertEquals(1, after.value("flexfun_calls_total", "rpc", "GetFlightInfo", "function", "", "code",
                    "UNAUTHENTICATED"));
        }
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
