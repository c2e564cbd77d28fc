package dev.flexfun.server.lifecycle;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the calls (and result streams) in progress, so that a graceful shutdown can refuse new
 * ones and wait, within a grace period, for the running ones to finish.
 *
 * <p>Each call takes a {@link Permit} with {@link #tryEnter()} when it starts and closes it when it
 * ends (for DoGet: when the stream has been sent). Once {@link #beginShutdown()} has been called,
 * {@code tryEnter} gives no permit: the producer answers {@code SHUTTING_DOWN}.
 */
public final class InFlightCalls {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int inFlight;
    private boolean shuttingDown;

    /** A permit for one call, or empty once shutdown has begun. */
    public Optional<Permit> tryEnter() {
        lock.lock();
        try {
            if (shuttingDown) {
                return Optional.empty();
            }
            inFlight++;
            return Optional.of(new Permit());
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new calls from now on; running ones go on. */
    public void beginShutdown() {
        lock.lock();
        try {
            shuttingDown = true;
        } finally {
            lock.unlock();
        }
    }

    public boolean isShuttingDown() {
        lock.lock();
        try {
            return shuttingDown;
        } finally {
            lock.unlock();
        }
    }

    /** Calls holding a permit now. */
    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until no call holds a permit, at most {@code grace}.
     *
     * @return whether every call finished in time (false: some are still running; the caller
     *     closes the server anyway, which cancels them)
     */
    public boolean awaitIdle(Duration grace) throws InterruptedException {
        long remaining = grace.toNanos();
        lock.lock();
        try {
            while (inFlight > 0) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = idle.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void exit() {
        lock.lock();
        try {
            inFlight--;
            if (inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** One call's place among the calls in flight; closing it more than once counts once. */
    public final class Permit implements AutoCloseable {
        private final AtomicBoolean closed = new AtomicBoolean();

        private Permit() {
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                exit();
            }
        }
    }

}
