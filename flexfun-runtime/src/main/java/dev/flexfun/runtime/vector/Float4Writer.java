package dev.flexfun.runtime.vector;

import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@code float} values into a {@link Float4Vector}. */
public final class Float4Writer extends FixedWidthWriter {

    public Float4Writer(Float4Vector vector) {
        super(vector);
    }

    /** The writer of {@code column} in {@code root}, or {@code null} when the call did not select it. */
    public static Float4Writer of(VectorSchemaRoot root, String column) {
        Float4Vector vector = (Float4Vector) root.getVector(column);
        return vector == null ? null : new Float4Writer(vector);
    }

    public void write(int index, float value) {
        putInt(index, Float.floatToRawIntBits(value));
        markValid(index);
    }

    public void write(int index, Float value) {
        if (value == null) {
            writeNull(index);
        } else {
            write(index, value.floatValue());
        }
    }

}
