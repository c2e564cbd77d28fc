package dev.flexfun.runtime.vector;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseVariableWidthVector;

/**
 * A column of variable-width values (UTF-8 strings, bytes): values are appended to the data buffer
 * and their end offsets written to the offset buffer, both through raw addresses. The data buffer
 * starts each batch at the size the previous batch needed and doubles when a value does not fit.
 */
public abstract class VariableWidthWriter extends ColumnWriter {
    private static final boolean SWAP = !MemoryUtil.LITTLE_ENDIAN;
    private static final long INITIAL_BYTES_PER_ROW = 16;

    private final BaseVariableWidthVector vector;
    private long offsetAddress;
    private long dataAddress;
    private long dataCapacity;
    /** Where the next value starts in the data buffer (the current batch's byte count). */
    private long end;

    /**
     * A writer into {@code vector}.
     *
     * @param vector the column's vector
     */
    protected VariableWidthWriter(BaseVariableWidthVector vector) {
        super(vector);
        this.vector = vector;
    }

    @Override
    public final void allocate(int rows) {
        if (vector.getValueCapacity() < rows) {
            long bytes = Math.max(vector.getDataBuffer().capacity(), rows * INITIAL_BYTES_PER_ROW);
            vector.allocateNew(bytes, rows);
        }
        refresh();
        end = 0;
        MemoryUtil.putInt(offsetAddress, 0);
    }

    @Override
    public final void grow(int rows) {
        while (vector.getValueCapacity() < rows) {
            vector.reallocValidityAndOffsetBuffers();
        }
        refresh();
    }

    @Override
    public final void finish(int count) {
        finishValidity(count);
        vector.setLastSet(count - 1);
        vector.setValueCount(count);
    }

    private void refresh() {
        validityAddress = vector.getValidityBufferAddress();
        offsetAddress = vector.getOffsetBufferAddress();
        dataAddress = vector.getDataBufferAddress();
        dataCapacity = vector.getDataBuffer().capacity();
        rowCapacity = vector.getValueCapacity();
    }

    /**
     * Reserves {@code length} bytes for the next value and returns their address; the caller
     * writes them and then calls {@link #commit}.
     *
     * @param index the row in the batch, for the error when the value does not fit at all
     * @param length how many bytes the value has
     * @return the address to write the bytes at
     */
    protected final long reserve(int index, int length) {
        checkRow(index);
        long needed = end + length;
        if (needed > dataCapacity) {
            growData(index, needed);
        }
        return dataAddress + end;
    }

    /**
     * Ends the value at {@code index} after {@code length} bytes written at {@link #reserve}'s
     * address.
     *
     * @param index the row in the batch
     * @param length how many bytes were written
     */
    protected final void commit(int index, int length) {
        checkRow(index);
        end += length;
        if (CHECK_BOUNDS && end > dataCapacity) {
            throw new IllegalStateException("Column '" + column() + "': a value of " + length + " bytes at row " + index
                    + " overran the data buffer (" + dataCapacity + " bytes); it was not reserved first (a FlexFun bug).");
        }
        int offset = (int) end;
        MemoryUtil.putInt(offsetAddress + ((long) (index + 1) << 2), SWAP ? Integer.reverseBytes(offset) : offset);
        markValid(index);
    }

    /**
     * Writes a null at {@code index}: an empty value with its validity bit cleared.
     *
     * @param index the row in the batch
     */
    protected final void writeNullValue(int index) {
        writeNull(index); // checks the row
        int offset = (int) end;
        MemoryUtil.putInt(offsetAddress + ((long) (index + 1) << 2), SWAP ? Integer.reverseBytes(offset) : offset);
    }

    /**
     * Appends {@code bytes} as the value at {@code index}.
     *
     * @param index the row in the batch
     * @param bytes the value
     */
    protected final void writeBytes(int index, byte[] bytes) {
        long address = reserve(index, bytes.length);
        MemoryUtil.copyToMemory(bytes, 0, address, bytes.length);
        commit(index, bytes.length);
    }

    private void growData(int index, long needed) {
        if (needed > Integer.MAX_VALUE) {
            throw badValue(index, "the batch's values exceed 2 GiB; lower the batch size.");
        }
        long capacity = Math.max(dataCapacity, 1024);
        while (capacity < needed) {
            capacity *= 2;
        }
        vector.reallocDataBuffer(capacity);
        refresh();
    }
}
