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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * stream that does not free its vectors shows up as a leak.
 */
final class ResultStreamer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResultStreamer.class);
    private static final long READY_WAIT_MS = 100;

    private final BufferAllocator allocator;
    private final Failures failures;
    private final ExecutorService producers;
    private volatile boolean closing;

    ResultStreamer(BufferAllocator allocator, Failures failures) {
        this.allocator = allocator;
        this.failures = failures;
        AtomicInteger count = new AtomicInteger();
        this.producers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "flexfun-doget-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts sending {@code lease}'s result; returns at once. The lease and the call's permit are
     * closed when sending ends; {@code observer} hears of every batch and of how the stream ended.
     */
    void stream(ResultLease lease, ServerStreamListener listener, InFlightCalls.Permit permit, CallObserver observer) {
        BackpressureStrategy.CallbackBackpressureStrategy backpressure = new BackpressureStrategy.CallbackBackpressureStrategy();
        backpressure.register(listener);
        AtomicBoolean cancelled = new AtomicBoolean();
        listener.setOnCancelHandler(() -> {
            cancelled.set(true);
            backpressure.interruptWait();
        });
        try {
            // Context.wrap: the DoGet span stays current on the producer thread while it streams.
            producers.execute(Context.current().wrap(() -> {
                try (permit) {
                    send(lease, listener, backpressure, cancelled, observer);
                }
            }));
        } catch (RejectedExecutionException e) {
            lease.close();
            permit.close();
            observer.failed(ErrorCode.SHUTTING_DOWN);
            listener.error(FlightErrors.toFlight(ShuttingDown.error()));
        }
    }

    private void send(ResultLease lease, ServerStreamListener listener,
            BackpressureStrategy.CallbackBackpressureStrategy backpressure, AtomicBoolean cancelled,
            CallObserver observer) {
        FlexFunException failure = null;
        boolean stopped = false;
        try (lease; BufferAllocator callAllocator = allocator.newChildAllocator("doget", 0, Long.MAX_VALUE)) {
            try (BatchStream batches = lease.open(callAllocator)) {
                listener.start(batches.root());
                while (batches.next()) {
                    if (!awaitReady(listener, backpressure, cancelled)) {
                        stopped = true;
                        break;
                    }
                    listener.putNext();
                    observer.streamed(batches.root().getRowCount(), bufferBytes(batches.root()));
                }
            }
        } catch (FlexFunException e) {
            failure = e;
        } catch (Throwable e) {
            failure = failures.ofFunction(lease.description(), e);
        }
        if (stopped || cancelled.get() || listener.isCancelled()) {
            if (closing) {
                observer.failed(ErrorCode.SHUTTING_DOWN);
                listener.error(FlightErrors.toFlight(ShuttingDown.error()));
            } else {
                observer.cancelledByClient();
            }
            LOG.debug("Stopped sending {}: the client cancelled or went away", lease.description());
        } else if (failure != null) {
            LOG.info("Sending {} failed: {}", lease.description(), failure.getMessage());
            observer.failed(failure.code());
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

    /** Waits until the client can take another batch; {@code false} when it never will. */
    private boolean awaitReady(ServerStreamListener listener,
            BackpressureStrategy.CallbackBackpressureStrategy backpressure, AtomicBoolean cancelled) {
        while (!listener.isReady()) {
            if (cancelled.get() || listener.isCancelled() || closing) {
                return false;
            }
            BackpressureStrategy.WaitResult result = backpressure.waitForListener(READY_WAIT_MS);
            if (result == BackpressureStrategy.WaitResult.CANCELLED) {
                return false;
            }
        }
        return !(cancelled.get() || listener.isCancelled() || closing);
    }

    @Override
    public void close() {
        closing = true;
        producers.shutdown();
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
