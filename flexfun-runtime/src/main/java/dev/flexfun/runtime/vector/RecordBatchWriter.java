package dev.flexfun.runtime.vector;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Writes records of type {@code R} into the columns of a batch. Generated adapters subclass it:
 * the constructor creates one {@link ColumnWriter} per selected column ({@code null} for the
 * others) and {@link #writeRows} is the row loop, which calls those final writers directly.
 */
public abstract class RecordBatchWriter<R> {
    private final List<ColumnWriter> columns = new ArrayList<>();
    private long firstRow;

    /**
     * Registers a column writer, or passes {@code null} through for a column the call did not
     * select.
     *
     * @param writer the writer, or {@code null}
     * @param <W> the writer's type
     * @return {@code writer}
     */
    protected final <W extends ColumnWriter> W track(W writer) {
        if (writer != null) {
            columns.add(writer);
        }
        return writer;
    }

    /**
     * Writes rows from {@code rows} at batch indexes {@code index, index + 1, ...} until {@code
     * end} or
     * the end of {@code rows}.
     *
     * @param rows the rows still to write
     * @param index the batch index of the first row to write
     * @param end the batch index to stop before
     * @return the index after the last row written
     */
    protected abstract int writeRows(Iterator<? extends R> rows, int index, int end);

    /**
     * Checks that a row is not null.
     *
     * @param row the row
     * @param index its batch index, for the error message
     * @return {@code row}
     * @throws ColumnValueException naming the row when it is null
     */
    protected final R requireRow(R row, int index) {
        if (row == null) {
            throw new ColumnValueException("Row " + (firstRow + index) + " of the result is null; the function"
                    + " must not return null records.");
        }
        return row;
    }

    /**
     * {@return the value of an {@code Optional} component, or {@code null} when it is empty (or
     * itself null)}
     *
     * @param value the component's value
     * @param <T> the value's type
     */
    protected static <T> T orNull(Optional<T> value) {
        return value == null ? null : value.orElse(null);
    }

    final void allocate(int rows, long firstRowOfBatch) {
        this.firstRow = firstRowOfBatch;
        for (ColumnWriter column : columns) {
            column.startBatch(firstRowOfBatch);
            column.allocate(rows);
        }
    }

    final void grow(int rows) {
        for (ColumnWriter column : columns) {
            column.grow(rows);
        }
    }

    final void finish(int count) {
        for (ColumnWriter column : columns) {
            column.finish(count);
        }
    }
}
