package dev.flexfun.runtime;

import java.util.concurrent.Executor;

/**
 * Runs each blocking test task on a new daemon thread: the common pool has a single worker on a
 * two-core machine, where a blocked task would hold up whatever else waits for it.
 */
public final class TestThreads {
    public static final Executor NEW_THREAD = task -> {
        Thread thread = new Thread(task, "runtime-test-task");
        thread.setDaemon(true);
        thread.start();
    };

    private TestThreads() {
    }
}
