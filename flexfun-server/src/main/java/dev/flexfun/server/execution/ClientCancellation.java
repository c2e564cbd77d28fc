package dev.flexfun.server.execution;

import io.grpc.Context;
import io.grpc.Deadline;
import java.util.concurrent.TimeUnit;

/**
 * Hears when the client of the current RPC gives up (it cancels, disconnects, or its deadline passes):
 * gRPC cancels the call's {@link Context}, whose listener runs at once on the thread that noticed.
 * Also tells how long the client still waits.
 */
public final class ClientCancellation {
    private ClientCancellation() {
    }

    /** Runs {@code action} when the current RPC is cancelled; the returned handle stops listening. */
    static Listening onCancel(Runnable action) {
        Context context = Context.current();
        Context.CancellationListener listener = cancelled -> action.run();
        context.addListener(listener, Runnable::run);
        return () -> context.removeListener(listener);
    }

    /**
     * {@return how long the current RPC's client still waits for it (its gRPC deadline), or {@code
     * otherwise} when it set none or no RPC is current}
     */
    public static long remainingNanos(long otherwise) {
        Deadline deadline = Context.current().getDeadline();
        return deadline == null ? otherwise : Math.min(otherwise, deadline.timeRemaining(TimeUnit.NANOSECONDS));
    }

    /** Listening for the cancel; closing stops it. */
    interface Listening extends AutoCloseable {
        @Override
        void close();
    }
}
