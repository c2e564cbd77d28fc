package dev.flexfun.runtime;

import java.util.concurrent.atomic.AtomicBoolean;

/** A one-way switch: once cancelled, stays cancelled. Functions poll it through {@link CallContext#isCancelled()}. */
public final class CancellationSignal {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** {@return whether the switch was flipped} */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Flips the switch.
     *
     * @return {@code true} if this call did it (it was not cancelled before)
     */
    public boolean cancel() {
        return cancelled.compareAndSet(false, true);
    }
}
