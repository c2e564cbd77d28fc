package dev.flexfun.runtime.vector;

import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@code byte} values into a {@link TinyIntVector}. */
public final class TinyIntWriter extends FixedWidthWriter {

    public TinyIntWriter(TinyIntVector vector) {
        super(vector);
    }

    /** The writer of {@code column} in {@code root}, or {@code null} when the call did not select it. */
    public static TinyIntWriter of(VectorSchemaRoot root, String column) {
        TinyIntVector vector = (TinyIntVector) root.getVector(column);
        return vector == null ? null : new TinyIntWriter(vector);
    }

    public void write(int index, byte value) {
        putByte(index, value);
        markValid(index);
    }

    public void write(int index, Byte value) {
        if (value == null) {
            writeNull(index);
        } else {
            write(index, value.byteValue());
        }
    }

}
