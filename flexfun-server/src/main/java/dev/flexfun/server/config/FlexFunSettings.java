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
 */
public record FlexFunSettings(
        Duration callDeadline,
        Duration pollingInterval,
        int batchSize,
        int taskQueueSize,
        int maxCommandBytes,
        boolean errorStackTraces,
        Duration streamStallTimeout) {
}
