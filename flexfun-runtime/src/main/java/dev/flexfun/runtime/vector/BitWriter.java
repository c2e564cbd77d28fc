package dev.flexfun.runtime.vector;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@code boolean} values into a {@link BitVector} (one bit a value). */
public final class BitWriter extends FixedWidthWriter {

    /**
     * A writer into {@code vector}.
     *
     * @param vector the column's vector, as the batch allocated it
     */
    public BitWriter(BitVector vector) {
        super(vector);
    }

    /**
     * {@return the writer of {@code column} in {@code root}, or {@code null} when the call did not
     * select it}
     *
     * @param root the batch
     * @param column the column's name
     */
    public static BitWriter of(VectorSchemaRoot root, String column) {
        BitVector vector = (BitVector) root.getVector(column);
        return vector == null ? null : new BitWriter(vector);
    }

    /**
     * Writes {@code value} into row {@code index}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, boolean value) {
        checkRow(index);
        long address = valueAddress + (index >>> 3);
        int bit = 1 << (index & 7);
        byte old = MemoryUtil.getByte(address);
        MemoryUtil.putByte(address, (byte) (value ? old | bit : old & ~bit));
        markValid(index);
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, Boolean value) {
        if (value == null) {
            writeNull(index);
        } else {
            write(index, value.booleanValue());
        }
    }
}
