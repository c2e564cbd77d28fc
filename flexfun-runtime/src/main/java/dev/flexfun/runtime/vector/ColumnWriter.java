package dev.flexfun.runtime.vector;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes one column of a batch. The batch driver calls {@link #allocate} once per batch with the
 * number of rows it may write, {@link #grow} when a batch of unknown size outgrows that, and
 * {@link #finish} with the rows written. In between, the generated row loop calls the subclass's
 * {@code write(index, value)} methods, which do no capacity checks: the capacity is guaranteed.
 *
 * <p>Every row's validity bit is written explicitly, so buffers can be reused from batch to batch
 * without being zeroed.
 *
 * <p>Writes go to raw buffer addresses, unchecked. With assertions on ({@code -ea}, as in tests) or
 * {@code -Dflexfun.checkWriterBounds=true}, every write first checks that its row is within the capacity
 * the driver made room for, and fails instead of writing past a buffer. The flag is a constant, so
 * without it the JIT removes the checks.
 */
public abstract class ColumnWriter {
    private final String column;
    /** Whether the field accepts nulls; a non-nullable column gets all its validity bits in {@link #finish}. */
    protected final boolean nullable;
    /** The validity buffer's address, refreshed whenever buffers change. */
    protected long validityAddress;
    /** Rows the buffers hold now; only read by the checks. */
    protected int rowCapacity;
    private long rowBase;

    /** Whether writes check their row against the capacity (assertions on, or the system property). */
    static final boolean CHECK_BOUNDS = checkBounds();

    @SuppressWarnings({"AssertWithSideEffects", "java:S3346"})
    private static boolean checkBounds() {
        boolean assertions = false;
        assert assertions = true; // true only when assertions are enabled for this class
        return assertions || Boolean.getBoolean("flexfun.checkWriterBounds");
    }

    /**
     * With checks on, fails when row {@code index} is outside the buffers (a bug in the batch driver).
     *
     * @param index the row about to be written
     * @throws IllegalStateException when checks are on and the row is outside the capacity
     */
    protected final void checkRow(int index) {
        if (CHECK_BOUNDS && (index < 0 || index >= rowCapacity)) {
            throw new IllegalStateException("Column '" + column + "': write at row " + index + " of a batch with room"
                    + " for " + rowCapacity + " rows; the buffers were not grown first (a FlexFun bug).");
        }
    }

    /**
     * A writer of {@code vector}'s column, named and nullable as its field is.
     *
     * @param vector the vector the writer fills
     */
    protected ColumnWriter(FieldVector vector) {
        this.column = vector.getName();
        this.nullable = vector.getField().isNullable();
    }

    /** {@return the column's name, for error messages} */
    public final String column() {
        return column;
    }

    /** Tells the writer the result row number of the batch's first row, for error messages. */
    final void startBatch(long firstRow) {
        this.rowBase = firstRow;
    }

    /**
     * Makes room for {@code rows} rows; the contents of earlier batches may be dropped.
     *
     * @param rows the most rows the batch may hold
     */
    public abstract void allocate(int rows);

    /**
     * Makes room for {@code rows} rows, keeping what the current batch wrote so far.
     *
     * @param rows the most rows the batch may hold from now on
     */
    public abstract void grow(int rows);

    /**
     * Ends the batch after {@code count} rows: value counts, writer indexes, bulk validity.
     *
     * @param count how many rows the batch holds
     */
    public abstract void finish(int count);

    /**
     * Marks row {@code index} null, or fails when the column is not nullable.
     *
     * @param index the row in the batch
     * @throws ColumnValueException when the column is not nullable
     */
    protected final void writeNull(int index) {
        if (!nullable) {
            throw nullNotAllowed(index);
        }
        checkRow(index);
        long address = validityAddress + (index >>> 3);
        MemoryUtil.putByte(address, (byte) (MemoryUtil.getByte(address) & ~(1 << (index & 7))));
    }

    /**
     * Marks row {@code index} valid; non-nullable columns get their bits in bulk instead.
     *
     * @param index the row in the batch
     */
    protected final void markValid(int index) {
        if (nullable) {
            checkRow(index);
            long address = validityAddress + (index >>> 3);
            MemoryUtil.putByte(address, (byte) (MemoryUtil.getByte(address) | (1 << (index & 7))));
        }
    }

    /**
     * Sets the validity bits of rows {@code 0..count-1} of a non-nullable column.
     *
     * @param count how many rows the batch holds
     */
    protected final void finishValidity(int count) {
        if (!nullable) {
            setBits(validityAddress, count);
        }
    }

    /** Sets bits {@code 0..count-1} of the bitmap at {@code address}, clearing the rest of the last byte. */
    static void setBits(long address, int count) {
        int fullBytes = count >>> 3;
        MemoryUtil.setMemory(address, fullBytes, (byte) 0xFF);
        int rest = count & 7;
        if (rest != 0) {
            MemoryUtil.putByte(address + fullBytes, (byte) ((1 << rest) - 1));
        }
    }

    /**
     * {@return the result row number of batch index {@code index}}
     *
     * @param index the row in the batch
     */
    protected final long rowNumber(int index) {
        return rowBase + index;
    }

    /**
     * {@return the error for a value this column cannot hold, naming the column and the row}
     *
     * @param index the row in the batch
     * @param problem what is wrong with the value and what to do about it
     */
    protected final ColumnValueException badValue(int index, String problem) {
        return new ColumnValueException("Column '" + column + "', row " + rowNumber(index) + ": " + problem);
    }

    private ColumnValueException nullNotAllowed(int index) {
        return badValue(index, "the column is not nullable but the value is null. Return a value, or make the"
                + " column nullable (a reference type without @Column(nullable = NOT_NULL) or @NonNull).");
    }
}
