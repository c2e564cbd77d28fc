package dev.flexfun.runtime.vector;

import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.CallContext;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One read of a {@link RecordResult}: fills the same root with batch after batch of at most
 * {@link CallContext#batchSize()} rows, checking for cancellation before each batch.
 */
final class RecordBatchStream<R> implements BatchStream {
    /** The first batch of a result of unknown size starts this small and doubles up to the batch size. */
    private static final int INITIAL_ROWS = 1024;

    private final VectorSchemaRoot root;
    private final RecordBatchWriter<R> writer;
    private final RowCursor<R> cursor;
    private final CallContext context;
    private final int batchSize;
    /** The single-use result this stream ends when it is closed; {@code null} for a repeatable one. */
    private final RecordResult<R> singleUse;
    private long rowsWritten;
    private int lastBatchRows;
    private boolean ended;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}: a batch is being written; close was called. */
    private boolean writing;
    private boolean closeRequested;

    RecordBatchStream(VectorSchemaRoot root, RecordBatchWriter<R> writer, RowCursor<R> cursor, CallContext context,
            RecordResult<R> singleUse) {
        this.root = root;
        this.writer = writer;
        this.cursor = cursor;
        this.context = context;
        this.batchSize = context.batchSize();
        this.singleUse = singleUse;
    }

    @Override
    public VectorSchemaRoot root() {
        return root;
    }

    @Override
    public boolean next() throws Exception {
        synchronized (lock) {
            if (closeRequested) {
                throw new IllegalStateException("The batch stream of '" + context.functionName() + "' is closed.");
            }
            writing = true;
        }
        boolean filled = false;
        try {
            filled = fill();
        } finally {
            boolean releaseNow;
            synchronized (lock) {
                writing = false;
                releaseNow = closeRequested;
            }
            if (releaseNow) {
                release();
                filled = false;
            }
        }
        return filled;
    }

    private boolean fill() throws Exception {
        if (ended) {
            return false;
        }
        try {
            context.throwIfCancelled();
            if (!cursor.rows().hasNext()) {
                root.setRowCount(0);
                end();
                return false;
            }
            int count = writeBatch();
            root.setRowCount(count);
            rowsWritten += count;
            return true;
        } catch (Throwable failure) {
            root.setRowCount(0);
            try {
                end();
            } catch (Exception closeFailure) {
                failure.addSuppressed(closeFailure);
            }
            throw failure;
        }
    }

    private int writeBatch() {
        int capacity = initialCapacity();
        writer.allocate(capacity, rowsWritten);
        int count = 0;
        while (true) {
            count = writer.writeRows(cursor.rows(), count, capacity);
            if (count < capacity || capacity == batchSize || !cursor.rows().hasNext()) {
                break;
            }
            capacity = (int) Math.min(batchSize, 2L * capacity);
            writer.grow(capacity);
        }
        writer.finish(count);
        lastBatchRows = count;
        return count;
    }

    private int initialCapacity() {
        if (cursor.size() >= 0) {
            long remaining = Math.max(1, cursor.size() - rowsWritten);
            return (int) Math.min(batchSize, remaining);
        }
        return Math.min(batchSize, Math.max(INITIAL_ROWS, lastBatchRows));
    }

    /** Ends the read: closes the user's stream or iterator. */
    private void end() throws Exception {
        if (!ended) {
            ended = true;
            if (singleUse != null) {
                singleUse.close();
            } else {
                cursor.close();
            }
        }
    }

    /**
     * Frees the vectors and ends the read. The writers write through raw buffer addresses, so the
     * buffers must not be freed under a batch being written: a close from another thread (a
     * cancellation) while {@link #next} runs is deferred until that batch is done.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closeRequested) {
                return;
            }
            closeRequested = true;
            if (writing) {
                return;
            }
        }
        release();
    }

    private void release() {
        try {
            end();
        } catch (Exception e) {
            throw new IllegalStateException("Closing the rows of '" + context.functionName() + "' failed", e);
        } finally {
            root.close();
        }
    }
}
