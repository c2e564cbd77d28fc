package dev.flexfun.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A one-way switch: once cancelled, stays cancelled; listeners run once, on the cancelling thread. */
public final class CancellationSignal {
    private volatile boolean cancelled;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public boolean isCancelled() {
        return cancelled;
    }

    /** Cancels; returns {@code true} if this call did it (it was not cancelled before). */
    public boolean cancel() {
        synchronized (this) {
            if (cancelled) {
                return false;
            }
            cancelled = true;
        }
        for (Runnable listener : listeners) {
            listener.run();
        }
        return true;
    }

    /** Runs {@code listener} on cancellation, or right away if already cancelled. */
    public void onCancel(Runnable listener) {
        boolean runNow;
        synchronized (this) {
            runNow = cancelled;
            if (!runNow) {
                listeners.add(listener);
            }
        }
        if (runNow) {
            listener.run();
        }
    }
}
