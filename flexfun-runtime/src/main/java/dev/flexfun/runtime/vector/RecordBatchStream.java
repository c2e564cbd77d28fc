package dev.flexfun.runtime.vector;

import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.CallContext;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
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
        beginWriting();
        boolean filled = false;
        try {
            filled = fill();
        } finally {
            if (endWriting()) {
                filled = false;
            }
        }
        return filled;
    }

    /**
     * A stream's rows are pushed into the vectors as the stream produces them: its iterator would
     * buffer each element on the way (a third of the time of writing a simple row). Other rows are
     * pulled batch by batch.
     */
    @Override
    public void forEachBatch(BatchConsumer consumer) throws Exception {
        if (cursor.pushable() == null || ended || rowsWritten > 0) {
            BatchStream.super.forEachBatch(consumer);
            return;
        }
        // The whole push counts as writing: a close from another thread waits until it returns.
        beginWriting();
        try {
            BatchPusher pusher = new BatchPusher(consumer);
            try {
                cursor.pushable().forEachRemaining(pusher);
                pusher.finish();
            } catch (ConsumerStopped stopped) {
                return;
            } catch (ConsumerFailed failed) {
                throw failed.getCause() instanceof Exception e ? e : failed;
            }
            root.setRowCount(0);
            end();
        } catch (Throwable failure) {
            endAfter(failure);
            throw failure;
        } finally {
            endWriting();
        }
    }

    private void beginWriting() {
        synchronized (lock) {
            if (closeRequested) {
                throw new IllegalStateException("The batch stream of '" + context.functionName() + "' is closed.");
            }
            writing = true;
        }
    }

    /** Returns whether a close came in meanwhile (the stream is released now). */
    private boolean endWriting() {
        boolean releaseNow;
        synchronized (lock) {
            writing = false;
            releaseNow = closeRequested;
        }
        if (releaseNow) {
            release();
        }
        return releaseNow;
    }

    /**
     * Writes each pushed row into the batch, growing it from a small first size up to the batch size
     * as {@link #writeBatch} does, and hands each full batch to the consumer.
     */
    private final class BatchPusher implements Consumer<R> {
        private final BatchConsumer consumer;
        private final OneRow<R> row = new OneRow<>();
        private int capacity;
        private int count;

        BatchPusher(BatchConsumer consumer) {
            this.consumer = consumer;
        }

        @Override
        public void accept(R next) {
            if (count == 0 && capacity == 0) {
                context.throwIfCancelled();
                capacity = initialCapacity();
                writer.allocate(capacity, rowsWritten);
            }
            row.set(next);
            count = writer.writeRows(row, count, count + 1);
            if (count == capacity) {
                if (capacity < batchSize) {
                    capacity = (int) Math.min(batchSize, 2L * capacity);
                    writer.grow(capacity);
                } else {
                    send();
                }
            }
        }

        /** Sends the last, partly filled batch. */
        void finish() {
            if (count > 0) {
                send();
            }
        }

        private void send() {
            writer.finish(count);
            root.setRowCount(count);
            rowsWritten += count;
            lastBatchRows = count;
            count = 0;
            capacity = 0;
            boolean more;
            try {
                more = consumer.accept(root);
            } catch (Exception e) {
                throw new ConsumerFailed(e);
            }
            if (!more) {
                throw new ConsumerStopped();
            }
        }
    }

    /** The single row the generated row loop is handed at a time while rows are pushed. */
    private static final class OneRow<R> implements Iterator<R> {
        private R row;
        private boolean taken = true;

        void set(R next) {
            row = next;
            taken = false;
        }

        @Override
        public boolean hasNext() {
            return !taken;
        }

        @Override
        public R next() {
            if (taken) {
                throw new NoSuchElementException();
            }
            taken = true;
            return row;
        }
    }

    /** Carries the consumer's checked exception out of the stream's push. */
    private static final class ConsumerFailed extends RuntimeException {
        ConsumerFailed(Exception cause) {
            super(cause);
        }
    }

    /** Ends the stream's push when the consumer wants no more batches. */
    private static final class ConsumerStopped extends RuntimeException {
        ConsumerStopped() {
            super(null, null, false, false);
        }
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
            endAfter(failure);
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

    /** Ends a read that failed: an empty root, the user's stream closed (a failure to close is suppressed). */
    private void endAfter(Throwable failure) {
        root.setRowCount(0);
        try {
            end();
        } catch (Exception closeFailure) {
            failure.addSuppressed(closeFailure);
        }
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
