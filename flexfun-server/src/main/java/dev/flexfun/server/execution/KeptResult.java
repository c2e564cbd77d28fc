package dev.flexfun.server.execution;

import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.FlexResult;
import dev.flexfun.runtime.ResultConsumedException;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A finished call's result while the server keeps it. Counts open reads so that dropping it (TTL,
 * cancel, shutdown) never frees vectors a DoGet is still sending: it is freed when dropped and no
 * longer read. A single-use result is dropped when its one read ends.
 */
final class KeptResult {
    private final String functionName;
    private final String taskId;
    private final FlexResult result;
    private final Runnable free;
    private int readers;
    private boolean opened;
    private boolean dropped;
    private boolean freed;

    /** @param free frees the result and its allocator (runs once, after the last read) */
    KeptResult(String functionName, String taskId, FlexResult result, Runnable free) {
        this.functionName = functionName;
        this.taskId = taskId;
        this.result = result;
        this.free = free;
    }

    Schema schema() {
        return result.schema();
    }

    synchronized boolean isBeingRead() {
        return readers > 0;
    }

    /** @param whenClosed runs when this read ends (after the result may have been freed) */
    synchronized ResultLease acquire(Runnable whenClosed) {
        if (!result.isRepeatable() && opened) {
            throw new ResultConsumedException("The result of task '" + taskId + "' was already read; "
                    + "it is a stream and can be read only once. Call the function again.");
        }
        if (dropped) {
            throw new FlexFunException(ErrorCode.INVALID_TICKET, "The result of task '" + taskId + "' is no longer kept.");
        }
        opened = true;
        readers++;
        return new Lease(whenClosed);
    }

    void drop() {
        boolean freeNow;
        synchronized (this) {
            dropped = true;
            freeNow = readers == 0 && !freed;
            freed |= freeNow;
        }
        if (freeNow) {
            free.run();
        }
    }

    private void release() {
        boolean freeNow;
        synchronized (this) {
            readers--;
            if (!result.isRepeatable()) {
                dropped = true;
            }
            freeNow = dropped && readers == 0 && !freed;
            freed |= freeNow;
        }
        if (freeNow) {
            free.run();
        }
    }

    private final class Lease implements ResultLease {
        private final Runnable whenClosed;
        private boolean closed;

        Lease(Runnable whenClosed) {
            this.whenClosed = whenClosed;
        }

        @Override
        public String description() {
            return functionName + " (task " + taskId + ")";
        }

        @Override
        public String functionName() {
            return functionName;
        }

        @Override
        public String taskId() {
            return taskId;
        }

        @Override
        public Schema schema() {
            return result.schema();
        }

        @Override
        public boolean isSingleBatch() {
            return result.isSingleBatch();
        }

        @Override
        public BatchStream open(BufferAllocator allocator) {
            return result.open(allocator);
        }

        @Override
        public void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            release();
            whenClosed.run();
        }
    }
}
