package dev.flexfun.runtime.vector;

import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@code short} values into a {@link SmallIntVector}. */
public final class SmallIntWriter extends FixedWidthWriter {

    public SmallIntWriter(SmallIntVector vector) {
        super(vector);
    }

    /** The writer of {@code column} in {@code root}, or {@code null} when the call did not select it. */
    public static SmallIntWriter of(VectorSchemaRoot root, String column) {
        SmallIntVector vector = (SmallIntVector) root.getVector(column);
        return vector == null ? null : new SmallIntWriter(vector);
    }

    public void write(int index, short value) {
        putShort(index, value);
        markValid(index);
    }

    public void write(int index, Short value) {
        if (value == null) {
            writeNull(index);
        } else {
            write(index, value.shortValue());
        }
    }

}
