package dev.flexfun.runtime.vector;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@code boolean} values into a {@link BitVector} (one bit a value). */
public final class BitWriter extends FixedWidthWriter {

    public BitWriter(BitVector vector) {
        super(vector);
    }

    /** The writer of {@code column} in {@code root}, or {@code null} when the call did not select it. */
    public static BitWriter of(VectorSchemaRoot root, String column) {
        BitVector vector = (BitVector) root.getVector(column);
        return vector == null ? null : new BitWriter(vector);
    }

    public void write(int index, boolean value) {
        checkRow(index);
        long address = valueAddress + (index >>> 3);
        int bit = 1 << (index & 7);
        byte old = MemoryUtil.getByte(address);
        MemoryUtil.putByte(address, (byte) (value ? old | bit : old & ~bit));
        markValid(index);
    }

    public void write(int index, Boolean value) {
        if (value == null) {
            writeNull(index);
        } else {
            write(index, value.booleanValue());
        }
    }
}
