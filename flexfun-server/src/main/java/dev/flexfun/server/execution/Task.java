package dev.flexfun.server.execution;

import dev.flexfun.runtime.CancellationSignal;
import dev.flexfun.runtime.FlexFunException;
import dev.flexfun.runtime.FlexResult;
import dev.flexfun.server.observability.CallLog;
import dev.flexfun.server.observability.ServerMetrics;
import dev.flexfun.server.observability.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One call running on the task pool: queued, running, then succeeded (a {@link KeptResult}) or
 * failed (a protocol error; cancellation, deadline and shutdown are failures too). Cancelling a
 * running task sets its signal and interrupts its thread; whatever the function still returns is
 * freed.
 */
final class Task {
    enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }

    /** What a finished task holds: exactly one of the two is set. */
    record Outcome(KeptResult result, FlexFunException failure) {
    }

    private final String id;
    private final FunctionCall call;
    private final BufferAllocator allocator;
    private final CancellationSignal cancellation = new CancellationSignal();
    private final CompletableFuture<Outcome> done = new CompletableFuture<>();
    /** Completes once the task's allocator is closed: what the call held is back with the server. */
    private final CompletableFuture<Void> freed = new CompletableFuture<>();
    private final long submittedNanos = System.nanoTime();
    private final Consumer<Runnable> freer;
    private final ServerMetrics metrics;
    private final Tracing tracing;

    private State state = State.QUEUED;
    private Thread runner;
    private Outcome outcome;
    /** The timer that forgets this task after its TTL; cancelled when it is forgotten sooner. */
    private Future<?> expiry;
    private boolean forgotten;

    /**
     * @param allocator the call's own allocator (child of the server's), closed with its result
     * @param freer     runs a freeing action off the caller's thread ({@code task_close_threads})
     * @param metrics   told when the task is queued, starts, is dropped and finishes
     * @param tracing   makes the span of the function's run (a child of the context the task runs in)
     */
    Task(String id, FunctionCall call, BufferAllocator allocator, Consumer<Runnable> freer, ServerMetrics metrics,
            Tracing tracing) {
        this.id = id;
        this.call = call;
        this.allocator = allocator;
        this.freer = freer;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    String id() {
        return id;
    }

    FunctionCall call() {
        return call;
    }

    String functionName() {
        return call.function().name();
    }

    long submittedNanos() {
        return submittedNanos;
    }

    CompletableFuture<Outcome> done() {
        return done;
    }

    /** Runs the function; returns how long it ran in nanoseconds, or -1 when it was cancelled before it started. */
    long run(FunctionInvoker invoker, Failures failures) {
        long started = System.nanoTime();
        synchronized (this) {
            if (state != State.QUEUED) {
                return -1; // cancelled while queued
            }
            state = State.RUNNING;
            runner = Thread.currentThread();
        }
        metrics.taskStarted(functionName(), (System.nanoTime() - submittedNanos) / 1e9);
        FlexResult result = null;
        Throwable error = null;
        Span span = tracing.startFunction(functionName(), id);
        // Whatever the function logs carries the call's peer, function and task id.
        try (Scope traced = span.makeCurrent(); CallLog.Scope scope = CallLog.scope(call.peer(), functionName(), id)) {
            result = invoker.invoke(call, id, cancellation, allocator, submittedNanos);
        } catch (Throwable t) {
            error = t;
        } finally {
            synchronized (this) {
                runner = null;
                Thread.interrupted(); // a cancel's interrupt must not hit the pool thread's next task
            }
            metrics.taskFinished();
        }
        FlexFunException failure = error == null ? null : failures.ofFunction(functionName(), error);
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure.codeName());
        }
        span.end();
        long ran = System.nanoTime() - started;
        finish(result, failure);
        return ran;
    }

    private void finish(FlexResult result, FlexFunException failure) {
        Outcome finished;
        synchronized (this) {
            if (state != State.RUNNING) {
                // Cancelled while running: nobody will read what the function returned.
                FlexResult unwanted = result;
                freer.accept(() -> free(unwanted));
                return;
            }
            if (failure == null) {
                state = State.SUCCEEDED;
                finished = new Outcome(new KeptResult(functionName(), id, result,
                        () -> freer.accept(() -> free(result))), null);
            } else {
                state = State.FAILED;
                finished = new Outcome(null, failure);
                freer.accept(() -> free(null));
            }
            outcome = finished;
        }
        done.complete(finished);
    }

    /** Waits at most {@code timeout} for the task to finish; returns whether it did. */
    boolean await(Duration timeout) throws InterruptedException {
        try {
            done.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Task futures never fail", e);
        }
    }

    /** The outcome, or {@code null} while queued or running. */
    synchronized Outcome outcome() {
        return outcome;
    }

    /** Fails the task with {@code reason} if it has not finished; returns whether it did. */
    boolean cancelIfPending(FlexFunException reason) {
        return cancel(reason, false);
    }

    /** Cancels the task whatever its state, dropping its result if it has one. */
    void cancel(FlexFunException reason) {
        cancel(reason, true);
    }

    private boolean cancel(FlexFunException reason, boolean dropResult) {
        Outcome failed = new Outcome(null, reason);
        KeptResult toDrop = null;
        boolean wasQueued;
        synchronized (this) {
            if (state == State.SUCCEEDED || state == State.FAILED) {
                if (!dropResult) {
                    return false;
                }
                toDrop = outcome.result();
                state = State.FAILED;
                outcome = failed;
                wasQueued = false;
            } else {
                wasQueued = state == State.QUEUED;
                state = State.FAILED;
                outcome = failed;
                cancellation.cancel();
                if (runner != null) {
                    runner.interrupt();
                }
            }
        }
        if (toDrop != null) {
            toDrop.drop();
        }
        if (wasQueued) {
            metrics.taskDropped();
            freer.accept(() -> free(null)); // never ran: nothing else will free its allocator
        }
        done.complete(failed);
        return true;
    }

    /**
     * Sets the timer that forgets this task after its TTL. A task forgotten sooner cancels it, so
     * that the timer's queue does not keep every forgotten call (its parameters, context and result
     * objects) reachable until the TTL: at a steady thousand calls a second that filled the heap.
     */
    void expiresWith(Future<?> timer) {
        boolean alreadyForgotten;
        synchronized (this) {
            alreadyForgotten = forgotten;
            expiry = timer;
        }
        if (alreadyForgotten) {
            timer.cancel(false);
        }
    }

    /** Drops the result when the server stops keeping the task (TTL, eviction, shutdown). */
    void forget() {
        Future<?> timer;
        Outcome o;
        synchronized (this) {
            forgotten = true;
            timer = expiry;
            o = outcome;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        if (o != null && o.result() != null) {
            o.result().drop();
        }
    }

    private void free(FlexResult result) {
        try {
            if (result != null) {
                result.close();
            }
        } finally {
            try {
                // A function that did not free what it allocated shows up here as a leak.
                allocator.close();
            } finally {
                freed.complete(null);
            }
        }
    }

    /** {@return completes when what the call allocated has been given back (its result freed)} */
    CompletableFuture<Void> freed() {
        return freed;
    }
}
