package dev.flexfun.server;

import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import dev.flexfun.server.execution.Failures;
import dev.flexfun.server.execution.ResultLease;
import dev.flexfun.server.lifecycle.InFlightCalls;
import dev.flexfun.server.lifecycle.ShuttingDown;
import dev.flexfun.server.protocol.FlightErrors;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DoGet's sending side. Batches are produced on threads of our own, not on the gRPC thread: Flight's
 * backpressure callbacks and the cancel handler fire only after {@code getStream} returns. A batch is
 * filled only when the client is ready for it, so at most a few batches are buffered per call, and
 * production stops when the client cancels or goes away. Each read gets its own child allocator, so a
 * stream that does not free its vectors shows up as a leak. A client that stops reading but stays
 * connected gets the stream cancelled with TIMEOUT after {@code stream_stall_timeout_ms}, so it cannot
 * hold a thread, the result's vectors and an in-flight permit until gRPC's keepalive gives up.
 *
 * <p>A result known to be one batch of data already in memory ({@link ResultLease#isSingleBatch}, e.g.
 * a {@code List} of at most {@code batch_size} rows) is sent on the gRPC thread instead, without
 * waiting for the client to be ready: one batch buffered in gRPC is bounded memory, and it spares the
 * small call a producer thread's wake-up.
 *
 * <p>Other streams are sent by at most {@code server.stream_threads} threads; a few more wait for one, beyond
 * that DoGet gets BACKPRESSURE. A stream still producing after {@code flexfun.stream_deadline_ms} is
 * stopped with TIMEOUT: its producer is interrupted, as on a client cancel.
 */
final class ResultStreamer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResultStreamer.class);
    /** The longest one wait for the client sleeps: how soon a closing server is noticed. */
    private static final long READY_WAIT_MS = 100;

    /** What waiting for the client ended with. */
    private enum Readiness { READY, STOPPED, STALLED }

    /**
     * Streams that may wait for a stream thread, per thread. Generous: a waiting stream costs only its
     * lease, while refusing a DoGet loses a single-use result (the client must call again).
     */
    private static final int WAITING_PER_THREAD = 8;

    private final BufferAllocator allocator;
    private final Failures failures;
    private final Duration stallTimeout;
    private final Duration streamDeadline;
    private final ThreadPoolExecutor producers;
    private final ScheduledThreadPoolExecutor deadlines;
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean closing;

    /**
     * @param threads        the most streams sent at once ({@code server.stream_threads})
     * @param streamDeadline how long producing one stream may take ({@code flexfun.stream_deadline_ms})
     */
    ResultStreamer(BufferAllocator allocator, Failures failures, Duration stallTimeout, int threads,
            Duration streamDeadline) {
        this.allocator = allocator;
        this.failures = failures;
        this.stallTimeout = stallTimeout;
        this.streamDeadline = streamDeadline;
        this.producers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * WAITING_PER_THREAD), daemons("flexfun-doget"));
        this.producers.allowCoreThreadTimeOut(true);
        this.deadlines = new ScheduledThreadPoolExecutor(1, daemons("flexfun-stream-deadline"));
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    /** Streams being sent now. */
    int active() {
        return active.get();
    }

    /** Streams waiting for a stream thread. */
    int waiting() {
        return producers.getQueue().size();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Starts sending {@code lease}'s result; returns at once. The lease and the call's permit are
     * closed when sending ends; {@code observer} hears of every batch and of how the stream ended.
     */
    void stream(ResultLease lease, ServerStreamListener listener, InFlightCalls.Permit permit, CallObserver observer) {
        if (lease.isSingleBatch()) {
            // No readiness wait (Flight's onReady cannot fire before getStream returns): it is one batch.
            StreamWatch watch = new StreamWatch();
            try (permit) {
                send(lease, listener, () -> listener.isCancelled() || closing ? Readiness.STOPPED : Readiness.READY,
                        watch, observer);
            }
            return;
        }
        BackpressureStrategy.CallbackBackpressureStrategy backpressure = new BackpressureStrategy.CallbackBackpressureStrategy();
        backpressure.register(listener);
        StreamWatch watch = new StreamWatch();
        listener.setOnCancelHandler(() -> {
            watch.cancel();
            backpressure.interruptWait();
        });
        try {
            // Context.wrap: the DoGet span stays current on the producer thread while it streams.
            producers.execute(Context.current().wrap(() -> {
                active.incrementAndGet();
                var deadline = deadlines.schedule(() -> {
                    watch.deadlinePassed();
                    backpressure.interruptWait();
                }, streamDeadline.toNanos(), TimeUnit.NANOSECONDS);
                watch.producing();
                try (permit) {
                    send(lease, listener, () -> awaitReady(listener, backpressure, watch), watch, observer);
                } finally {
                    deadline.cancel(false);
                    watch.finished();
                    active.decrementAndGet();
                }
            }));
        } catch (RejectedExecutionException e) {
            lease.close();
            permit.close();
            FlexFunException refusal = closing ? ShuttingDown.error() : new FlexFunException(ErrorCode.BACKPRESSURE,
                    "All " + producers.getMaximumPoolSize() + " stream threads (server.stream_threads) are sending and "
                    + producers.getQueue().size() + " streams wait for one. Retry later or on another server.");
            observer.failed(refusal.code());
            listener.error(FlightErrors.toFlight(refusal));
        }
    }

    /** Sends the batches, each once {@code ready} says the client can take it, and ends the stream. */
    private void send(ResultLease lease, ServerStreamListener listener, Supplier<Readiness> ready, StreamWatch watch,
            CallObserver observer) {
        FlexFunException failure = null;
        boolean stopped = false;
        boolean stalled = false;
        try (lease; BufferAllocator callAllocator = allocator.newChildAllocator("doget", 0, Long.MAX_VALUE)) {
            try (BatchStream batches = lease.open(callAllocator)) {
                if (batches.sharesImmutableBuffers()) {
                    // Kept batches are never written again: gRPC may send their buffers as they are.
                    listener.setUseZeroCopy(true);
                }
                listener.start(batches.root());
                Readiness[] end = {Readiness.READY};
                batches.forEachBatch(batch -> {
                    Readiness readiness = ready.get();
                    if (readiness != Readiness.READY) {
                        end[0] = readiness;
                        return false;
                    }
                    // The next batch refills these same buffers: safe because Flight copies the batch into its
                    // gRPC message here (zero-copy writes are off; ZeroCopyWriteTest fails if that changes).
                    listener.putNext();
                    observer.streamed(batch.getRowCount(), bufferBytes(batch));
                    return true;
                });
                stopped = end[0] == Readiness.STOPPED;
                stalled = end[0] == Readiness.STALLED;
            }
        } catch (FlexFunException e) {
            failure = e;
        } catch (Throwable e) {
            failure = failures.ofFunction(lease.description(), e);
        }
        if (watch.isTimedOut() && !watch.isCancelled() && !listener.isCancelled()) {
            FlexFunException timeout = new FlexFunException(ErrorCode.TIMEOUT, "Sending the result of '"
                    + lease.functionName() + "' took longer than " + readable(streamDeadline)
                    + " (flexfun.stream_deadline_ms); the stream was stopped.");
            LOG.info("Stopped sending {}: {}", lease.description(), timeout.getMessage());
            observer.failed(timeout.code());
            listener.error(FlightErrors.toFlight(timeout));
        } else if (stopped || watch.isCancelled() || listener.isCancelled()) {
            if (closing) {
                observer.failed(ErrorCode.SHUTTING_DOWN);
                listener.error(FlightErrors.toFlight(ShuttingDown.error()));
            } else {
                observer.cancelledByClient();
            }
            LOG.debug("Stopped sending {}: the client cancelled or went away", lease.description());
        } else if (stalled) {
            // The vectors, the lease and the permit are freed by now; the client sees the error after
            // the batches it has not read yet, if it ever reads again.
            FlexFunException timeout = new FlexFunException(ErrorCode.TIMEOUT, "The client did not read the result of '"
                    + lease.functionName() + "' for " + readable(stallTimeout) + "; the stream was cancelled.");
            LOG.info("Stopped sending {}: {}", lease.description(), timeout.getMessage());
            observer.streamStalled();
            listener.error(FlightErrors.toFlight(timeout));
        } else if (failure != null) {
            LOG.info("Sending {} failed: {}", lease.description(), failure.getMessage());
            observer.failed(failure.codeName());
            listener.error(FlightErrors.toFlight(failure));
        } else {
            listener.completed();
        }
    }

    private static long bufferBytes(VectorSchemaRoot root) {
        long bytes = 0;
        for (FieldVector vector : root.getFieldVectors()) {
            bytes += vector.getBufferSize();
        }
        return bytes;
    }

    /** {@code 60 s}, or {@code 300 ms} when not whole seconds. */
    private static String readable(Duration duration) {
        long ms = duration.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /**
     * Waits until the client can take another batch: READY, STOPPED when it never will (cancelled,
     * server closing), STALLED when it took no batch for {@code stallTimeout}. Each wait sleeps on
     * the backpressure strategy's monitor, woken by gRPC's onReady and onCancel, never spinning.
     */
    private Readiness awaitReady(ServerStreamListener listener,
            BackpressureStrategy.CallbackBackpressureStrategy backpressure, StreamWatch watch) {
        long stallDeadline = System.nanoTime() + stallTimeout.toNanos();
        while (!listener.isReady()) {
            // An interrupted thread returns from every wait at once (the wait re-sets the flag): stop, not spin.
            if (watch.isCancelled() || watch.isTimedOut() || listener.isCancelled() || closing
                    || Thread.currentThread().isInterrupted()) {
                return Readiness.STOPPED;
            }
            long leftMs = TimeUnit.NANOSECONDS.toMillis(stallDeadline - System.nanoTime());
            if (leftMs <= 0) {
                return Readiness.STALLED;
            }
            BackpressureStrategy.WaitResult result = backpressure.waitForListener(Math.min(READY_WAIT_MS, leftMs));
            if (result == BackpressureStrategy.WaitResult.CANCELLED) {
                return Readiness.STOPPED;
            }
        }
        return watch.isCancelled() || watch.isTimedOut() || listener.isCancelled() || closing ? Readiness.STOPPED
                : Readiness.READY;
    }

    @Override
    public void close() {
        closing = true;
        producers.shutdown();
        deadlines.shutdownNow();
        try {
            if (!producers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Some DoGet streams did not stop within 10 s.");
                producers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
