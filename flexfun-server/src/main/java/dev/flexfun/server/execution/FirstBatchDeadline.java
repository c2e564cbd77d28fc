package dev.flexfun.server.execution;

import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A lease whose first batch must be ready within what is left of the call's deadline: a lazy result
 * does its work while DoGet reads it, so in deferred mode that first batch is still part of the call.
 * When the time is up the producing thread is interrupted and the read fails with TIMEOUT. Closing
 * the lease also runs {@code onClose} (the result is dropped at once: nobody else can read it).
 */
final class FirstBatchDeadline implements ResultLease {
    private final ResultLease lease;
    private final Duration left;
    private final Duration callDeadline;
    private final ScheduledExecutorService timer;
    private final Runnable onClose;

    FirstBatchDeadline(ResultLease lease, Duration left, Duration callDeadline, ScheduledExecutorService timer,
            Runnable onClose) {
        this.lease = lease;
        this.left = left;
        this.callDeadline = callDeadline;
        this.timer = timer;
        this.onClose = onClose;
    }

    @Override
    public String description() {
        return lease.description();
    }

    @Override
    public String functionName() {
        return lease.functionName();
    }

    @Override
    public String taskId() {
        return lease.taskId();
    }

    @Override
    public Schema schema() {
        return lease.schema();
    }

    @Override
    public boolean isSingleBatch() {
        return lease.isSingleBatch();
    }

    @Override
    public BatchStream open(BufferAllocator allocator) {
        return new Guarded(lease.open(allocator));
    }

    @Override
    public void close() {
        try {
            lease.close();
        } finally {
            onClose.run();
        }
    }

    private final class Guarded implements BatchStream {
        private final BatchStream batches;
        private boolean first = true;
        /** Guarded by this: the first batch is being produced, by {@code producer}. */
        private Thread producer;
        private boolean timedOut;

        Guarded(BatchStream batches) {
            this.batches = batches;
        }

        @Override
        public VectorSchemaRoot root() {
            return batches.root();
        }

        @Override
        public boolean next() throws Exception {
            if (!first) {
                return batches.next();
            }
            first = false;
            ScheduledFuture<?> deadline = startWatch();
            boolean more;
            try {
                more = batches.next();
            } catch (Exception | Error e) {
                stopWatch(deadline);
                throw e;
            }
            stopWatch(deadline); // too late, even if the function did not notice the interrupt
            return more;
        }

        @Override
        public void forEachBatch(BatchConsumer consumer) throws Exception {
            if (!first) {
                BatchStream.super.forEachBatch(consumer);
                return;
            }
            first = false;
            ScheduledFuture<?> deadline = startWatch();
            boolean[] watching = {true};
            try {
                batches.forEachBatch(batch -> {
                    if (watching[0]) {
                        watching[0] = false;
                        stopWatch(deadline);
                    }
                    return consumer.accept(batch);
                });
            } catch (Exception | Error e) {
                if (watching[0]) {
                    watching[0] = false;
                    stopWatch(deadline);
                }
                throw e;
            }
            if (watching[0]) {
                stopWatch(deadline); // the result had no batch at all
            }
        }

        /** Starts the first batch's watch on this thread. */
        private ScheduledFuture<?> startWatch() {
            synchronized (this) {
                producer = Thread.currentThread();
            }
            return timer.schedule(this::expire, Math.max(0, left.toNanos()), TimeUnit.NANOSECONDS);
        }

        /** Ends the first batch's watch; throws TIMEOUT when the time ran out meanwhile. */
        private void stopWatch(ScheduledFuture<?> deadline) {
            deadline.cancel(false);
            if (finishFirst()) {
                throw timeout();
            }
        }

        private synchronized void expire() {
            if (producer != null) {
                timedOut = true;
                producer.interrupt();
            }
        }

        /** Ends the first batch's watch; returns whether it timed out (its interrupt is then cleared). */
        private synchronized boolean finishFirst() {
            producer = null;
            if (timedOut) {
                Thread.interrupted(); // ours: it must not hit what the thread does next
            }
            return timedOut;
        }

        private FlexFunException timeout() {
            return new FlexFunException(ErrorCode.TIMEOUT, "Call of '" + functionName() + "' did not produce its "
                    + "first batch within " + callDeadline.toMillis() + " ms (flexfun.call_deadline_ms) and was "
                    + "cancelled.");
        }

        @Override
        public void close() {
            batches.close();
        }
    }
}
