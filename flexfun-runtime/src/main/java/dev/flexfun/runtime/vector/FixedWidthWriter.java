package dev.flexfun.runtime.vector;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;

/** A column of fixed-width values, written straight to the value buffer's address. */
public abstract class FixedWidthWriter extends ColumnWriter {
    /** Arrow data is little-endian; swap on the rare big-endian platform (a constant the JIT folds). */
    private static final boolean SWAP = !MemoryUtil.LITTLE_ENDIAN;

    private final BaseFixedWidthVector vector;
    /** The value buffer's address, refreshed whenever buffers change. */
    protected long valueAddress;

    /**
     * A writer into {@code vector}.
     *
     * @param vector the column's vector
     */
    protected FixedWidthWriter(BaseFixedWidthVector vector) {
        super(vector);
        this.vector = vector;
    }

    @Override
    public final void allocate(int rows) {
        if (vector.getValueCapacity() < rows) {
            vector.allocateNew(rows);
        }
        refresh();
    }

    @Override
    public final void grow(int rows) {
        while (vector.getValueCapacity() < rows) {
            vector.reAlloc();
        }
        refresh();
    }

    @Override
    public final void finish(int count) {
        finishValidity(count);
        vector.setValueCount(count);
    }

    private void refresh() {
        validityAddress = vector.getValidityBufferAddress();
        valueAddress = vector.getDataBufferAddress();
        rowCapacity = vector.getValueCapacity();
    }

    /**
     * Writes the byte {@code value} at row {@code index} of the value buffer, little-endian; the
     * caller marks the row valid.
     *
     * @param index the row in the batch
     * @param value the value
     */
    protected final void putByte(int index, byte value) {
        checkRow(index);
        MemoryUtil.putByte(valueAddress + index, value);
    }

    /**
     * Writes the short {@code value} at row {@code index} of the value buffer, little-endian; the
     * caller marks the row valid.
     *
     * @param index the row in the batch
     * @param value the value
     */
    protected final void putShort(int index, short value) {
        checkRow(index);
        MemoryUtil.putShort(valueAddress + ((long) index << 1), SWAP ? Short.reverseBytes(value) : value);
    }

    /**
     * Writes the int {@code value} at row {@code index} of the value buffer, little-endian; the
     * caller marks the row valid.
     *
     * @param index the row in the batch
     * @param value the value
     */
    protected final void putInt(int index, int value) {
        checkRow(index);
        MemoryUtil.putInt(valueAddress + ((long) index << 2), SWAP ? Integer.reverseBytes(value) : value);
    }

    /**
     * Writes the long {@code value} at row {@code index} of the value buffer, little-endian; the
     * caller marks the row valid.
     *
     * @param index the row in the batch
     * @param value the value
     */
    protected final void putLong(int index, long value) {
        checkRow(index);
        MemoryUtil.putLong(valueAddress + ((long) index << 3), SWAP ? Long.reverseBytes(value) : value);
    }
}
