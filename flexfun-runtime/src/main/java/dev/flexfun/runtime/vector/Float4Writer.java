package dev.flexfun.runtime.vector;

import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@code float} values into a {@link Float4Vector}. */
public final class Float4Writer extends FixedWidthWriter {

    /**
     * A writer into {@code vector}.
     *
     * @param vector the column's vector, as the batch allocated it
     */
    public Float4Writer(Float4Vector vector) {
        super(vector);
    }

    /**
     * {@return the writer of {@code column} in {@code root}, or {@code null} when the call did not
     * select it}
     *
     * @param root the batch
     * @param column the column's name
     */
    public static Float4Writer of(VectorSchemaRoot root, String column) {
        Float4Vector vector = (Float4Vector) root.getVector(column);
        return vector == null ? null : new Float4Writer(vector);
    }

    /**
     * Writes {@code value} into row {@code index}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, float value) {
        putInt(index, Float.floatToRawIntBits(value));
        markValid(index);
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, Float value) {
        if (value == null) {
            writeNull(index);
        } else {
            write(index, value.floatValue());
        }
    }

}
