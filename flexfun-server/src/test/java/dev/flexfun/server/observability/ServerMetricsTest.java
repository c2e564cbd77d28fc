package dev.flexfun.server.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.util.HashMap;
import java.util.Map;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** Scrapes the real /metrics endpoint after recording calls and checks the counters moved by the right amounts. */
class ServerMetricsTest {

    /** The scraped samples, "name{labels}" -> value, without comments. */
    private static Map<String, Double> scrape(HTTPServer server) throws Exception {
        var response = Http.get(server.getPort(), "/metrics");
        assertEquals(200, response.statusCode());
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }

    private static double sample(Map<String, Double> samples, String key) {
        Double value = samples.get(key);
        assertTrue(value != null, "no sample " + key + " in " + samples.keySet());
        return value;
    }

    @Test
    void scrapeShowsCallsTasksRowsAndMemory() throws Exception {
        try (BufferAllocator allocator = new RootAllocator(1 << 20)) {
            ServerMetrics metrics = new ServerMetrics().withJvmMetrics().withAllocator("root", allocator);
            ArrowBuf buffer = allocator.buffer(4096);
            try (HTTPServer server = metrics.startHttpServer("127.0.0.1", 0)) {
                metrics.callCompleted("GetFlightInfo", "Sales", "OK", 0.02);
                metrics.callCompleted("GetFlightInfo", "Sales", "OK", 0.3);
                metrics.callCompleted("GetFlightInfo", "Sales", "BAD_ARGUMENT", 0.001);
                metrics.callCompleted("ListFlights", null, "OK", 0.001);
                metrics.taskQueued();
                metrics.taskQueued();
                metrics.taskStarted("Sales", 0.5);
                metrics.rowsStreamed("Sales", 65_536, 1_000_000);
                metrics.rowsStreamed("Sales", 10, 200);

                Map<String, Double> s = scrape(server);
                assertEquals(2.0, sample(s, "flexfun_calls_total{code=\"OK\",function=\"Sales\",rpc=\"GetFlightInfo\"}"));
                assertEquals(1.0, sample(s,
                        "flexfun_calls_total{code=\"BAD_ARGUMENT\",function=\"Sales\",rpc=\"GetFlightInfo\"}"));
                assertEquals(1.0, sample(s, "flexfun_calls_total{code=\"OK\",function=\"\",rpc=\"ListFlights\"}"));
                assertEquals(3.0, sample(s, "flexfun_call_duration_seconds_count{function=\"Sales\",rpc=\"GetFlightInfo\"}"));
                assertEquals(0.321, sample(s, "flexfun_call_duration_seconds_sum{function=\"Sales\",rpc=\"GetFlightInfo\"}"), 1e-9);
                assertEquals(2.0, sample(s,
                        "flexfun_call_duration_seconds_bucket{function=\"Sales\",rpc=\"GetFlightInfo\",le=\"0.025\"}"));
                assertEquals(1.0, sample(s, "flexfun_tasks_queued"));
                assertEquals(1.0, sample(s, "flexfun_tasks_in_flight"));
                assertEquals(1.0, sample(s, "flexfun_task_queue_wait_seconds_count{function=\"Sales\"}"));
                assertEquals(65_546.0, sample(s, "flexfun_rows_streamed_total{function=\"Sales\"}"));
                assertEquals(1_000_200.0, sample(s, "flexfun_bytes_streamed_total{function=\"Sales\"}"));
                assertEquals(4096.0, sample(s, "flexfun_arrow_allocated_bytes{allocator=\"root\"}"));
                assertEquals(1 << 20, sample(s, "flexfun_arrow_limit_bytes{allocator=\"root\"}"));
                assertTrue(s.keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes")), "JVM metrics");

                metrics.taskFinished();
                metrics.callCompleted("GetFlightInfo", "Sales", "OK", 0.01);
                buffer.close();
                Map<String, Double> after = scrape(server);
                assertEquals(3.0, sample(after, "flexfun_calls_total{code=\"OK\",function=\"Sales\",rpc=\"GetFlightInfo\"}"));
                assertEquals(0.0, sample(after, "flexfun_tasks_in_flight"));
                assertEquals(0.0, sample(after, "flexfun_arrow_allocated_bytes{allocator=\"root\"}"));
                assertEquals(4096.0, sample(after, "flexfun_arrow_peak_allocated_bytes{allocator=\"root\"}"));
            } finally {
                if (buffer.refCnt() > 0) {
                    buffer.close();
                }
            }
        }
    }
}
