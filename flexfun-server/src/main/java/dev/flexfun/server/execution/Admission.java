package dev.flexfun.server.execution;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides at once whether a new call may wait for a task thread. A call that would only wait until its
 * deadline passes is refused with BACKPRESSURE (the client retries elsewhere) instead of being queued
 * to end in TIMEOUT (which tells the client the function is slow).
 *
 * <p>A waiting call starts after about {@code waiting / threads} runs of the function before it, so
 * the calls allowed to wait are those the pool can start and finish within half the deadline, judged
 * from how long runs have taken lately (the other half absorbs slower runs). Until a run has been
 * measured, and never more than, {@code maxWaiting} may wait: each waiting call holds an RPC thread.
 */
final class Admission {
    /** Weight of the newest run in the typical run time: 1/8, so one outlier moves it little. */
    private static final int SMOOTHING = 8;

    private final int threads;
    private final int maxWaiting;
    private final long deadlineNanos;
    private final AtomicInteger admitted = new AtomicInteger();
    private volatile long typicalRunNanos;

    /**
     * @param threads    calls that run at once
     * @param maxWaiting the most calls that may wait for a thread
     * @param deadline   the call deadline
     */
    Admission(int threads, int maxWaiting, Duration deadline) {
        this.threads = threads;
        this.maxWaiting = maxWaiting;
        this.deadlineNanos = deadline.toNanos();
    }

    /** Takes a place for a call (running or waiting) that has the whole call deadline; false when it should be refused. */
    boolean tryAdmit() {
        return tryAdmit(deadlineNanos);
    }

    /**
     * Takes a place for a call that must finish within {@code budgetNanos} (less than the call deadline
     * when the client's own deadline is nearer, e.g. after its request waited for an RPC thread). A call
     * that would have to wait is refused when, judged from the typical run, it would not finish in time:
     * the client gets BACKPRESSURE at once instead of TIMEOUT later. A call that finds a free thread is
     * always taken: it starts now.
     */
    boolean tryAdmit(long budgetNanos) {
        int limit = threads + waitingAllowed();
        while (true) {
            int now = admitted.get();
            if (now >= limit || (now >= threads && !finishesWithin(now - threads + 1, budgetNanos))) {
                return false;
            }
            if (admitted.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Whether the {@code position}-th waiting call (1 for the first) would finish within the budget. */
    private boolean finishesWithin(int position, long budgetNanos) {
        long run = typicalRunNanos;
        if (run == 0) {
            return true; // nothing measured yet: the waiting bound alone decides
        }
        long roundsBeforeOwnRun = (position + threads - 1L) / threads; // every running call may have just started
        return (roundsBeforeOwnRun + 1) * run <= budgetNanos;
    }

    /** Gives back a call's place; {@code runNanos} is how long it ran, or a negative number when it never ran. */
    void left(long runNanos) {
        admitted.decrementAndGet();
        if (runNanos >= 0) {
            long typical = typicalRunNanos;
            typicalRunNanos = typical == 0 ? Math.max(1, runNanos) : Math.max(1, typical + (runNanos - typical) / SMOOTHING);
        }
    }

    /** How many calls may wait now. */
    int waitingAllowed() {
        long run = typicalRunNanos;
        if (run == 0) {
            return maxWaiting;
        }
        long roundsBeforeOwnRun = Math.max(0, (deadlineNanos / 2 - run) / run);
        return (int) Math.min(maxWaiting, roundsBeforeOwnRun * threads);
    }

    /** Calls running or waiting. */
    int admitted() {
        return admitted.get();
    }

    int threads() {
        return threads;
    }
}
