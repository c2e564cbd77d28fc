package dev.flexfun.server.execution;

import io.grpc.Context;

/**
 * Hears when the client of the current RPC gives up (it cancels, disconnects, or its deadline passes):
 * gRPC cancels the call's {@link Context}, whose listener runs at once on the thread that noticed.
 */
final class ClientCancellation {
    private ClientCancellation() {
    }

    /** Runs {@code action} when the current RPC is cancelled; the returned handle stops listening. */
    static Listening onCancel(Runnable action) {
        Context context = Context.current();
        Context.CancellationListener listener = cancelled -> action.run();
        context.addListener(listener, Runnable::run);
        return () -> context.removeListener(listener);
    }

    /** Listening for the cancel; closing stops it. */
    interface Listening extends AutoCloseable {
        @Override
        void close();
    }
}
