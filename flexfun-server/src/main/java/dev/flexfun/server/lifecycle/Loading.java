package dev.flexfun.server.lifecycle;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import dev.flexfun.server.execution.ClientCancellation;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the on-load hooks have run. With {@code flexfun.serve_while_loading} the server listens
 * while they run: ListFlights answers at once (the functions are known at compile time), and a call
 * that runs a function waits here for the hooks, as long as the call may take.
 */
public final class Loading {
    private final CompletableFuture<Void> done;
    private final Duration callDeadline;
    /** Completes when shutdown begins: calls still waiting for the hooks are answered then. */
    private final CompletableFuture<Void> stopping = new CompletableFuture<>();

    /**
     * @param done         completes when the hooks have run; exceptionally when one failed
     * @param callDeadline the longest a call waits ({@code flexfun.call_deadline_ms}; less when its client's
     *                     own deadline is nearer)
     */
    public Loading(CompletableFuture<Void> done, Duration callDeadline) {
        this.done = done;
        this.callDeadline = callDeadline;
    }

    /**
     * Returns once the hooks have run.
     *
     * @throws FlexFunException NOT_READY when they are still running at the call's deadline, SHUTTING_DOWN
     *                          when one failed or shutdown began meanwhile
     */
    public void awaitLoaded() {
        if (done.isDone() && !done.isCompletedExceptionally()) {
            return; // every call after start-up: no wait, no allocation
        }
        try {
            CompletableFuture.anyOf(done, stopping).get(ClientCancellation.remainingNanos(callDeadline.toNanos()),
                    TimeUnit.NANOSECONDS);
            if (!done.isDone()) {
                throw ShuttingDown.error();
            }
            done.get(); // rethrows a hook's failure
        } catch (TimeoutException e) {
            throw new FlexFunException(ErrorCode.NOT_READY, "The server is still starting: its functions' on-load "
                    + "hooks have not finished. Retry shortly.");
        } catch (ExecutionException e) {
            throw ShuttingDown.error(); // the server stops: a hook failed (see its log)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ShuttingDown.error();
        }
    }

    /** Shutdown began: calls waiting for the hooks get SHUTTING_DOWN now rather than at their deadline. */
    public void stop() {
        stopping.complete(null);
    }
}
