package dev.flexfun.server.observability;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The server's Prometheus metrics, behind a few calls the server makes at the points where
 * things happen. Names follow Prometheus conventions ({@code flexfun_} prefix, base units).
 *
 * <ul>
 *   <li>{@code flexfun_calls_total{rpc,function,code}}: completed RPCs by outcome (an
 *       {@code ErrorCode} name, {@code CODE_<n>} for a function's own code, or {@code OK}); {@code flexfun_call_duration_seconds{rpc,function}}.
 *   <li>{@code flexfun_task_queue_wait_seconds{function}}: how long tasks waited for a task thread;
 *       {@code flexfun_tasks_queued} and {@code flexfun_tasks_in_flight}.
 *   <li>{@code flexfun_rows_streamed_total{function}}, {@code flexfun_bytes_streamed_total{function}}.
 *   <li>{@code flexfun_arrow_allocated_bytes{allocator}}, {@code flexfun_arrow_peak_allocated_bytes},
 *       {@code flexfun_arrow_limit_bytes}; {@code flexfun_streams_active}, {@code flexfun_streams_waiting};
 *       JVM metrics ({@code jvm_*}) from the Prometheus client.
 * </ul>
 *
 * <p>A call with no function (e.g. ListFlights, or one refused before its command was read) uses
 * the function label {@code ""}.
 */
public final class ServerMetrics {
    /** Call duration buckets in seconds: from a fast GetFlightInfo to the 180 s default deadline. */
    private static final double[] CALL_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 180, 300};
    private static final double[] QUEUE_BUCKETS = {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60};

    private final PrometheusRegistry registry;
    private final Counter calls;
    private final Histogram callDuration;
    private final Histogram queueWait;
    private final Gauge queued;
    private final Gauge inFlight;
    private final Counter rows;
    private final Counter bytes;

    /** Metrics in a registry of their own (what the server uses; tests can make as many as they like). */
    public ServerMetrics() {
        this(new PrometheusRegistry());
    }

    public ServerMetrics(PrometheusRegistry registry) {
        this.registry = Objects.requireNonNull(registry);
        calls = Counter.builder().name("flexfun_calls_total").help("Completed RPCs by outcome code.")
                .labelNames("rpc", "function", "code").register(registry);
        callDuration = Histogram.builder().name("flexfun_call_duration_seconds").help("RPC duration.")
                .unit(io.prometheus.metrics.model.snapshots.Unit.SECONDS)
                .labelNames("rpc", "function").classicOnly().classicUpperBounds(CALL_BUCKETS).register(registry);
        queueWait = Histogram.builder().name("flexfun_task_queue_wait_seconds")
                .help("Time a task waited for a task thread.")
                .unit(io.prometheus.metrics.model.snapshots.Unit.SECONDS)
                .labelNames("function").classicOnly().classicUpperBounds(QUEUE_BUCKETS).register(registry);
        queued = Gauge.builder().name("flexfun_tasks_queued").help("Tasks waiting for a task thread.")
                .register(registry);
        inFlight = Gauge.builder().name("flexfun_tasks_in_flight").help("Functions running now (on a task thread or on their call's RPC thread).")
                .register(registry);
        rows = Counter.builder().name("flexfun_rows_streamed_total").help("Rows sent by DoGet.")
                .labelNames("function").register(registry);
        bytes = Counter.builder().name("flexfun_bytes_streamed_total").help("Arrow buffer bytes sent by DoGet.")
                .labelNames("function").register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** Adds the Prometheus client's JVM metrics (memory, GC, threads, classes, ...). */
    public ServerMetrics withJvmMetrics() {
        JvmMetrics.builder().register(registry);
        return this;
    }

    /** Reports an Arrow allocator's memory, read at each scrape, under label {@code allocator=name}. */
    public ServerMetrics withAllocator(String name, BufferAllocator allocator) {
        Objects.requireNonNull(allocator);
        GaugeWithCallback.builder().name("flexfun_arrow_allocated_bytes").help("Arrow memory allocated now.")
                .labelNames("allocator")
                .callback(cb -> cb.call(allocator.getAllocatedMemory(), name)).register(registry);
        GaugeWithCallback.builder().name("flexfun_arrow_peak_allocated_bytes").help("Arrow memory allocated at peak.")
                .labelNames("allocator")
                .callback(cb -> cb.call(allocator.getPeakMemoryAllocation(), name)).register(registry);
        GaugeWithCallback.builder().name("flexfun_arrow_limit_bytes").help("Arrow allocator limit.")
                .labelNames("allocator")
                .callback(cb -> cb.call(allocator.getLimit(), name)).register(registry);
        return this;
    }

    /** Reports the DoGet streams being sent ({@code flexfun_streams_active}) and waiting for a stream thread. */
    public ServerMetrics withStreams(java.util.function.IntSupplier active, java.util.function.IntSupplier waiting) {
        GaugeWithCallback.builder().name("flexfun_streams_active").help("DoGet streams being sent now.")
                .callback(cb -> cb.call(active.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("flexfun_streams_waiting").help("DoGet streams waiting for a stream thread.")
                .callback(cb -> cb.call(waiting.getAsInt())).register(registry);
        return this;
    }

    /** An RPC finished: {@code code} is {@code OK}, the {@code ErrorCode} name, or {@code CODE_<n>} for a function's own code it failed with. */
    public void callCompleted(String rpc, String function, String code, double seconds) {
        String fn = label(function);
        calls.labelValues(rpc, fn, code).inc();
        callDuration.labelValues(rpc, fn).observe(seconds);
    }

    /** A task was submitted to the task pool and waits for a thread. */
    public void taskQueued() {
        queued.inc();
    }

    /** A queued task got a thread after waiting {@code queueWaitSeconds}. */
    public void taskStarted(String function, double queueWaitSeconds) {
        queued.dec();
        inFlight.inc();
        queueWait.labelValues(label(function)).observe(queueWaitSeconds);
    }

    /** A queued task was dropped before it got a thread (cancelled, or the server is stopping). */
    public void taskDropped() {
        queued.dec();
    }

    /** A running task finished, however it ended. */
    public void taskFinished() {
        inFlight.dec();
    }

    /** DoGet sent a batch (or a whole result) of {@code rowCount} rows, {@code byteCount} Arrow buffer bytes. */
    public void rowsStreamed(String function, long rowCount, long byteCount) {
        String fn = label(function);
        rows.labelValues(fn).inc(rowCount);
        bytes.labelValues(fn).inc(byteCount);
    }

    /**
     * Serves {@code /metrics} (Prometheus text format, and OpenMetrics/protobuf on request) on
     * {@code host:port}; port 0 picks a free port ({@link HTTPServer#getPort()}). Close it on shutdown.
     */
    public HTTPServer startHttpServer(String host, int port) throws IOException {
        return HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
    }

    private static String label(String function) {
        return function == null ? "" : function;
    }
}
