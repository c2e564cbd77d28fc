package dev.flexfun.server.execution;

import dev.flexfun.server.config.ResourceSettings;
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
 * @param maxKeptResults   finished results kept at once ({@code flexfun.max_kept_results})
 */
public record ExecutionLimits(int taskThreads, int taskQueueSize, int closeThreads, Duration resultTtl,
        Duration callDeadline, Duration pollingInterval, int maxKeptResults) {

    /**
     * Results already read (and errors a poll has answered) kept at once for a repeated read, within
     * {@code maxKeptResults}; the oldest are forgotten first (see {@link KeptTasks}).
     */
    public static final int READ_RESULTS_KEPT = 256;

    public static ExecutionLimits of(Settings settings) {
        int threads = settings.server().taskThreads();
        // Each waiting call holds an RPC thread (GetFlightInfo waits on it): never more than those can hold.
        int waiting = Math.max(0, Math.min(settings.flexfun().taskQueueSize(),
                settings.resources().rpcThreads() - threads - ResourceSettings.RESERVED_RPC_THREADS));
        return new ExecutionLimits(threads, waiting, settings.server().taskCloseThreads(),
                settings.server().taskResultTtl(), settings.flexfun().callDeadline(), settings.flexfun().pollingInterval(),
                settings.resources().maxKeptResults());
    }
}
