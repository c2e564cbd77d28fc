package dev.flexfun.runtime.vector;

import java.util.OptionalDouble;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@code double} values into a {@link Float8Vector}. */
public final class Float8Writer extends FixedWidthWriter {

    /**
     * A writer into {@code vector}.
     *
     * @param vector the column's vector, as the batch allocated it
     */
    public Float8Writer(Float8Vector vector) {
        super(vector);
    }

    /**
     * {@return the writer of {@code column} in {@code root}, or {@code null} when the call did not
     * select it}
     *
     * @param root the batch
     * @param column the column's name
     */
    public static Float8Writer of(VectorSchemaRoot root, String column) {
        Float8Vector vector = (Float8Vector) root.getVector(column);
        return vector == null ? null : new Float8Writer(vector);
    }

    /**
     * Writes {@code value} into row {@code index}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, double value) {
        putLong(index, Double.doubleToRawLongBits(value));
        markValid(index);
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, Double value) {
        if (value == null) {
            writeNull(index);
        } else {
            write(index, value.doubleValue());
        }
    }

    /**
     * Writes the value of {@code value} into row {@code index}, or a null when it is empty or
     * {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, OptionalDouble value) {
        if (value == null || value.isEmpty()) {
            writeNull(index);
        } else {
            write(index, value.getAsDouble());
        }
    }
}
