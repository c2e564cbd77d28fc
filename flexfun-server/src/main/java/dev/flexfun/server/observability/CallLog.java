package dev.flexfun.server.observability;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The server's one INFO line per call ({@code call_completed}), never one per batch, and the MDC
 * scope that tags every other line logged during a call with its peer, function and task id.
 */
public final class CallLog {
    public static final String EVENT = "call_completed";
    public static final String RPC = "rpc";
    public static final String PEER = "peer";
    public static final String FUNCTION = "function";
    public static final String TASK_ID = "task_id";
    public static final String DURATION_MS = "duration_ms";
    public static final String OUTCOME = "outcome";
    public static final String ROWS = "rows";

    private static final Logger LOG = LoggerFactory.getLogger("dev.flexfun.server.calls");

    private CallLog() {
    }

    /**
     * Logs one finished call at INFO (WARN when its outcome is not {@code OK}).
     *
     * @param rpc e.g. {@code GetFlightInfo}, {@code DoGet}
     * @param peer the client's address, e.g. {@code ipv4:10.0.0.1:53211}
     * @param function the function name, or {@code null} when the call had none
     * @param taskId the task id, or {@code null}
     * @param outcome {@code OK}, the {@code ErrorCode} name, or {@code CODE_<n>} for a function's own code
     * @param rows rows streamed (DoGet), or negative when not applicable
     */
    public static void callCompleted(String rpc, String peer, String function, String taskId, Duration duration,
            String outcome, long rows) {
        callCompleted(LOG, rpc, peer, function, taskId, duration, outcome, rows);
    }

    /** {@link #callCompleted(String, String, String, String, Duration, String, long)} to another logger. */
    public static void callCompleted(Logger log, String rpc, String peer, String function, String taskId,
            Duration duration, String outcome, long rows) {
        LoggingEventBuilder line = ("OK".equals(outcome) ? log.atInfo() : log.atWarn())
                .addKeyValue(RPC, rpc);
        add(line, PEER, peer);
        add(line, FUNCTION, function);
        add(line, TASK_ID, taskId);
        line.addKeyValue(DURATION_MS, duration.toMillis()).addKeyValue(OUTCOME, outcome);
        if (rows >= 0) {
            line.addKeyValue(ROWS, rows);
        }
        line.log(EVENT);
    }

    private static void add(LoggingEventBuilder line, String key, String value) {
        if (value != null) {
            line.addKeyValue(key, value);
        }
    }

    /**
     * Puts the call's peer, function and task id in the MDC of this thread until closed, so that
     * whatever the call logs (the function's own logs too) carries them. Nulls are left out.
     */
    public static Scope scope(String peer, String function, String taskId) {
        put(PEER, peer);
        put(FUNCTION, function);
        put(TASK_ID, taskId);
        return new Scope();
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }

    /** Removes the call's MDC entries. */
    public static final class Scope implements AutoCloseable {
        private Scope() {
        }

        @Override
        public void close() {
            MDC.remove(PEER);
            MDC.remove(FUNCTION);
            MDC.remove(TASK_ID);
        }
    }
}
