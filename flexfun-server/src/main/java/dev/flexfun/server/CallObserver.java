package dev.flexfun.server;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.server.observability.CallLog;
import dev.flexfun.server.observability.CallSpan;
import dev.flexfun.server.observability.ServerMetrics;
import dev.flexfun.server.observability.Tracing;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightMethod;
import org.apache.arrow.flight.FlightServerMiddleware;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.RequestContext;

/**
 * Watches one RPC from start to end and, when it ends, writes its one log line ({@link CallLog})
 * its metrics and ends its trace span ({@link CallSpan}). Whoever knows a detail tells it: the peer interceptor the client's address, the
 * producer the function, task id and protocol error code, the stream sender the rows sent.
 * Refused calls (authentication, shutdown) are counted too: the middleware sees every call.
 */
final class CallObserver implements FlightServerMiddleware {
    static final Key<CallObserver> KEY = Key.of("flexfun-call-observer");
    static final String OK = "OK";
    /** Worked out once: every call needs its method's name (its log line, metrics and span). */
    private static final Map<FlightMethod, String> RPC_NAMES = rpcNames();

    private final ServerMetrics metrics;
    private final String rpc;
    private final CallSpan span;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile String peer;
    private volatile String function;
    private volatile String taskId;
    private volatile String outcome;
    private volatile long rows;

    private CallObserver(ServerMetrics metrics, String rpc, CallSpan span) {
        this.metrics = metrics;
        this.rpc = rpc;
        this.span = span;
    }

    /** Starts each call's span here, where the incoming headers (W3C trace context) are visible. */
    static Factory<CallObserver> factory(ServerMetrics metrics, Tracing tracing) {
        return (CallInfo info, org.apache.arrow.flight.CallHeaders incoming, RequestContext context) -> {
            String rpc = rpcName(info.method());
            return new CallObserver(metrics, rpc, tracing.startCall(rpc, incoming, FlightHeaders.GETTER));
        };
    }

    /** Makes the call's span current on this thread; tasks and streams started meanwhile carry it. */
    Scope traceScope() {
        return span.makeCurrent();
    }

    /** {@code GET_FLIGHT_INFO} -> {@code GetFlightInfo}: the names the protocol and the logs use. */
    static String rpcName(FlightMethod method) {
        return RPC_NAMES.get(method);
    }

    private static Map<FlightMethod, String> rpcNames() {
        Map<FlightMethod, String> names = new EnumMap<>(FlightMethod.class);
        for (FlightMethod method : FlightMethod.values()) {
            names.put(method, camelCase(method));
        }
        return names;
    }

    private static String camelCase(FlightMethod method) {
        StringBuilder name = new StringBuilder();
        for (String word : method.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    void peer(String peer) {
        this.peer = peer;
    }

    String peer() {
        return peer;
    }

    void function(String function) {
        this.function = function;
    }

    String function() {
        return function;
    }

    void taskId(String taskId) {
        this.taskId = taskId;
    }

    /** The call fails with this protocol code (the Flight status alone would not say which). */
    void failed(ErrorCode code) {
        failed(code.name());
    }

    /** The call failed with this code ({@code FlexFunException.codeName()}: a function's own code too). */
    void failed(String codeName) {
        this.outcome = codeName;
    }

    /** DoGet sent a batch. Only the one thread sending the stream calls this. */
    void streamed(long rowCount, long byteCount) {
        rows += rowCount;
        metrics.rowsStreamed(function, rowCount, byteCount);
    }

    /**
     * The client went away during DoGet: gRPC will not close the call, so report it now.
     */
    void cancelledByClient() {
        report(FlightStatusCode.CANCELLED.name());
    }

    /**
     * DoGet gave up on a client that stopped reading: the error waits behind the batches the client
     * has not read, so gRPC may not complete the call for long; report it now.
     */
    void streamStalled() {
        failed(ErrorCode.TIMEOUT);
        report(ErrorCode.TIMEOUT.name());
    }

    @Override
    public void onCallCompleted(CallStatus status) {
        String result = outcome;
        if (result == null) {
            result = status.code() == FlightStatusCode.OK ? OK : status.code().name();
        }
        report(result);
    }

    private void report(String result) {
        if (!reported.compareAndSet(false, true)) {
            return;
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        metrics.callCompleted(rpc, function, result, duration.toNanos() / 1e9);
        long streamedRows = "DoGet".equals(rpc) ? rows : -1;
        CallLog.callCompleted(rpc, peer, function, taskId, duration, result, streamedRows);
        span.end(peer, function, taskId, result, streamedRows);
    }

    @Override
    public void onBeforeSendingHeaders(org.apache.arrow.flight.CallHeaders outgoingHeaders) {
    }

    @Override
    public void onCallErrored(Throwable err) {
        // The outcome comes with onCallCompleted, which follows.
    }

    /** Reads the W3C trace context from Flight's call headers. */
    private enum FlightHeaders implements TextMapGetter<org.apache.arrow.flight.CallHeaders> {
        GETTER;

        @Override
        public Iterable<String> keys(org.apache.arrow.flight.CallHeaders headers) {
            return headers.keys();
        }

        @Override
        public String get(org.apache.arrow.flight.CallHeaders headers, String key) {
            return headers == null ? null : headers.get(key);
        }
    }
}
