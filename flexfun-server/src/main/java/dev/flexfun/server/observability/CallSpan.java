package dev.flexfun.server.observability;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The server span of one RPC. Made current on the threads that work for the call (the gRPC
 * thread, and through {@link Context#wrap} the task and stream threads) so their spans are its
 * children; ended once with what the call did.
 */
public final class CallSpan {
    public static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
    public static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
    public static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    public static final AttributeKey<String> FUNCTION = AttributeKey.stringKey("flexfun.function");
    public static final AttributeKey<String> TASK_ID = AttributeKey.stringKey("flexfun.task_id");
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("flexfun.outcome");
    public static final AttributeKey<Long> ROWS = AttributeKey.longKey("flexfun.rows");
    public static final AttributeKey<String> PEER = AttributeKey.stringKey("flexfun.peer");

    /** With tracing off: nothing is recorded and the current context is left alone. */
    static final CallSpan NOOP = new CallSpan(Span.getInvalid(), null);

    private final Span span;
    private final Context context;

    CallSpan(Span span, Context context) {
        this.span = span;
        this.context = context;
    }

    /** Makes the call's span current on this thread until the scope closes. */
    public Scope makeCurrent() {
        return context == null ? Scope.noop() : context.makeCurrent();
    }

    /**
     * Ends the span.
     *
     * @param outcome {@code OK} or the protocol's error code name; neither OK nor POLL marks an error
     * @param rows    rows streamed (DoGet), or negative when not applicable
     */
    public void end(String peer, String function, String taskId, String outcome, long rows) {
        if (context == null) {
            return;
        }
        setIfPresent(PEER, peer);
        setIfPresent(FUNCTION, function);
        setIfPresent(TASK_ID, taskId);
        span.setAttribute(OUTCOME, outcome);
        if (rows >= 0) {
            span.setAttribute(ROWS, rows);
        }
        if (!"OK".equals(outcome) && !"POLL".equals(outcome)) {
            span.setStatus(StatusCode.ERROR, outcome);
        }
        span.end();
    }

    private void setIfPresent(AttributeKey<String> key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
    }
}
