package dev.flexfun.server.config;

import java.time.Duration;

/**
 * Section {@code [flexfun]}: the reference's {@code call_deadline_ms} and {@code polling_interval_ms},
 * plus settings of this server.
 *
 * @param batchSize         rows per record batch written by generated adapters ({@code batch_size})
 * @param taskQueueSize     calls that may wait for a task thread before new ones get BACKPRESSURE ({@code task_queue_size})
 * @param maxCommandBytes   the largest accepted GetFlightInfo command ({@code max_command_bytes})
 * @param errorStackTraces  whether a failed function's stack trace goes to the client in ErrorInfo.detail
 *                          ({@code error_stack_traces}; off by default: it leaks internals)
 * @param streamStallTimeout how long a DoGet may wait for a client that stopped reading before the server
 *                          cancels the stream with TIMEOUT ({@code stream_stall_timeout_ms})
 * @param invocationMode    {@value #EAGER}: GetFlightInfo runs the call and this server keeps the result for DoGet;
 *                          {@value #DEFERRED}: GetFlightInfo checks the call and answers a signed ticket carrying it,
 *                          and DoGet runs it on whichever replica it reaches ({@code invocation_mode})
 * @param ticketKeys        secrets shared by the replicas: the first signs deferred tickets, all verify them
 *                          ({@code ticket_keys}; each at least {@value #MIN_TICKET_KEY_BYTES} bytes)
 * @param ticketTtl         how long a deferred ticket can be read ({@code ticket_ttl_sec})
 * @param serveWhileLoading whether the server listens while the on-load hooks run, calls that run a function
 *                          waiting for them ({@code serve_while_loading}; on by default)
 */
public record FlexFunSettings(
        Duration callDeadline,
        Duration pollingInterval,
        int batchSize,
        int taskQueueSize,
        int maxCommandBytes,
        boolean errorStackTraces,
        Duration streamStallTimeout,
        String invocationMode,
        java.util.List<String> ticketKeys,
        Duration ticketTtl,
        boolean serveWhileLoading) {

    public static final String EAGER = "eager";
    public static final String DEFERRED = "deferred";
    public static final java.util.List<String> INVOCATION_MODES = java.util.List.of(EAGER, DEFERRED);
    /** HMAC-SHA256 keys shorter than its 32-byte output weaken it. */
    public static final int MIN_TICKET_KEY_BYTES = 32;

    public boolean deferred() {
        return DEFERRED.equals(invocationMode);
    }

    /** Never prints the ticket keys (settings may be logged). */
    @Override
    public String toString() {
        return "FlexFunSettings[callDeadline=" + callDeadline + ", pollingInterval=" + pollingInterval + ", batchSize="
                + batchSize + ", taskQueueSize=" + taskQueueSize + ", maxCommandBytes=" + maxCommandBytes
                + ", errorStackTraces=" + errorStackTraces + ", streamStallTimeout=" + streamStallTimeout
                + ", invocationMode=" + invocationMode + ", ticketKeys=" + ticketKeys.size() + " (hidden), ticketTtl="
                + ticketTtl + ", serveWhileLoading=" + serveWhileLoading + "]";
    }
}
