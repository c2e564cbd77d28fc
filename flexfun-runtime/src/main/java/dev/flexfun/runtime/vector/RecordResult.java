package dev.flexfun.runtime.vector;

import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import dev.flexfun.runtime.FlexResult;
import dev.flexfun.runtime.ResultConsumedException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The result of a generated adapter: the records the user's method returned, written into
 * vectors batch by batch only when the result is read ({@link #open}).
 *
 * <p>Materialised rows (a record, an array, an {@code Iterable} such as a {@code List}) are
 * repeatable: every {@code open} reads them again. A {@code Stream} or {@code Iterator} is
 * single-use: the second {@code open} fails with COMMAND_RESULT_CONSUMED, and the stream (or an
 * {@code AutoCloseable} iterator) is closed when it is read to the end, fails, or the result is
 * closed, whichever comes first.
 *
 * <p>The schema holds the selected columns only; the server adds the call's data-source messages
 * to it after {@code call} returns, so messages added later, while a stream is read, are not sent.
 *
 * @param <R> the record type
 */
public final class RecordResult<R> implements FlexResult {
    private final Schema schema;
    private final CallContext context;
    private final Function<VectorSchemaRoot, ? extends RecordBatchWriter<R>> writers;
    private final Supplier<RowCursor<R>> cursors;
    private final boolean repeatable;
    private final AutoCloseable resource;
    /** Rows of a materialised result ({@code Collection}, array, record); -1 when unknown before reading. */
    private final long knownRows;
    private final AtomicBoolean opened = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private RecordResult(ColumnSelection columns, CallContext context,
            Function<VectorSchemaRoot, ? extends RecordBatchWriter<R>> writers, Supplier<RowCursor<R>> cursors,
            boolean repeatable, AutoCloseable resource, long knownRows) {
        this.schema = columns.resultSchema();
        this.context = context;
        this.writers = writers;
        this.cursors = cursors;
        this.repeatable = repeatable;
        this.resource = resource;
        this.knownRows = knownRows;
    }

    /**
     * {@return a single-use result over a stream, closed when the result ends}
     *
     * @param rows the rows, read once
     * @param columns the columns the call selected
     * @param context the call
     * @param writers makes the adapter's batch writer for a batch's vectors
     * @param <R> the record type
     */
    public static <R> RecordResult<R> ofStream(Stream<? extends R> rows, ColumnSelection columns, CallContext context,
            Function<VectorSchemaRoot, ? extends RecordBatchWriter<R>> writers) {
        requireResult(rows, context, "an empty Stream");
        return new RecordResult<>(columns, context, writers, () -> RowCursor.ofSpliterator(rows.spliterator(), rows),
                false, rows, -1);
    }

    /**
     * {@return a single-use result over an iterator, closed when the result ends if it is {@code
     * AutoCloseable}}
     *
     * @param rows the rows, read once
     * @param columns the columns the call selected
     * @param context the call
     * @param writers makes the adapter's batch writer for a batch's vectors
     * @param <R> the record type
     */
    public static <R> RecordResult<R> ofIterator(Iterator<? extends R> rows, ColumnSelection columns,
            CallContext context, Function<VectorSchemaRoot, ? extends RecordBatchWriter<R>> writers) {
        requireResult(rows, context, "an empty Iterator");
        AutoCloseable resource = rows instanceof AutoCloseable closeable ? closeable : null;
        return new RecordResult<>(columns, context, writers, () -> new RowCursor<>(rows, -1, resource), false,
                resource, -1);
    }

    /**
     * {@return a repeatable result over an {@code Iterable} (a {@code List}, {@code Collection},
     * ...)}
     *
     * @param rows the rows, read again on every open
     * @param columns the columns the call selected
     * @param context the call
     * @param writers makes the adapter's batch writer for a batch's vectors
     * @param <R> the record type
     */
    public static <R> RecordResult<R> ofIterable(Iterable<? extends R> rows, ColumnSelection columns,
            CallContext context, Function<VectorSchemaRoot, ? extends RecordBatchWriter<R>> writers) {
        requireResult(rows, context, "an empty collection");
        long knownRows = rows instanceof Collection<?> collection ? collection.size() : -1;
        return new RecordResult<>(columns, context, writers, () -> cursorOf(rows), true, null, knownRows);
    }

    /**
     * {@return a repeatable result over an array}
     *
     * @param rows the rows
     * @param columns the columns the call selected
     * @param context the call
     * @param writers makes the adapter's batch writer for a batch's vectors
     * @param <R> the record type
     */
    public static <R> RecordResult<R> ofArray(R[] rows, ColumnSelection columns, CallContext context,
            Function<VectorSchemaRoot, ? extends RecordBatchWriter<R>> writers) {
        requireResult(rows, context, "an empty array");
        return ofIterable(Arrays.asList(rows), columns, context, writers);
    }

    /**
     * {@return a repeatable result of one row}
     *
     * @param row the one row
     * @param columns the columns the call selected
     * @param context the call
     * @param writers makes the adapter's batch writer for a batch's vectors
     * @param <R> the record type
     */
    public static <R> RecordResult<R> ofRecord(R row, ColumnSelection columns, CallContext context,
            Function<VectorSchemaRoot, ? extends RecordBatchWriter<R>> writers) {
        requireResult(row, context, "a record");
        return ofIterable(Collections.singletonList(row), columns, context, writers);
    }

    private static void requireResult(Object result, CallContext context, String instead) {
        if (result == null) {
            throw new FlexFunException(ErrorCode.COMMAND_FAILED,
                    "Function '" + context.functionName() + "' returned null; return " + instead + " instead.");
        }
    }

    private static <R> RowCursor<R> cursorOf(Iterable<? extends R> rows) {
        Iterator<? extends R> iterator = rows.iterator();
        long size = rows instanceof Collection<?> collection ? collection.size() : -1;
        return new RowCursor<>(iterator, size, iterator instanceof AutoCloseable closeable ? closeable : null);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public boolean isRepeatable() {
        return repeatable;
    }

    /** A materialised result of at most one batch: its rows are in memory, writing them cannot block. */
    @Override
    public boolean isSingleBatch() {
        return knownRows >= 0 && knownRows <= context.batchSize();
    }

    @Override
    public BatchStream open(BufferAllocator allocator) {
        if (!repeatable && !opened.compareAndSet(false, true)) {
            throw new ResultConsumedException("The result of '" + context.functionName()
                    + "' was already read; a Stream or Iterator result can be read only once.");
        }
        if (closed.get()) {
            throw new IllegalStateException("The result of '" + context.functionName() + "' was closed.");
        }
        RowCursor<R> cursor = cursors.get();
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        try {
            return new RecordBatchStream<>(root, writers.apply(root), cursor, context, repeatable ? null : this);
        } catch (RuntimeException | Error e) {
            root.close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("Closing the result of '" + context.functionName() + "' failed", e);
            }
        }
    }
}
