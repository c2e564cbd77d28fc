package dev.flexfun.server.execution;

import dev.flexfun.server.config.Settings;
import java.time.Duration;

/**
 * The settings task execution obeys.
 *
 * @param taskThreads      calls running at once ({@code server.task_threads})
 * @param taskQueueSize    calls waiting for a thread before new ones get BACKPRESSURE
 * @param closeThreads     threads that free results ({@code server.task_close_threads})
 * @param resultTtl        how long a finished call's result is kept ({@code server.task_result_ttl_sec})
 * @param callDeadline     how long a call may take in all ({@code flexfun.call_deadline_ms})
 * @param pollingInterval  how long one pollable GetFlightInfo waits ({@code flexfun.polling_interval_ms})
 */
public record ExecutionLimits(int taskThreads, int taskQueueSize, int closeThreads, Duration resultTtl,
        Duration callDeadline, Duration pollingInterval) {

    public static ExecutionLimits of(Settings settings) {
        return new ExecutionLimits(settings.server().taskThreads(), settings.flexfun().taskQueueSize(),
                settings.server().taskCloseThreads(), settings.server().taskResultTtl(),
                settings.flexfun().callDeadline(), settings.flexfun().pollingInterval());
    }
}
