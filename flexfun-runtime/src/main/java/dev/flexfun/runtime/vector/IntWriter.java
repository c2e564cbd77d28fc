package dev.flexfun.runtime.vector;

import java.util.OptionalInt;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@code int} values into a {@link IntVector}. */
public final class IntWriter extends FixedWidthWriter {

    /**
     * A writer into {@code vector}.
     *
     * @param vector the column's vector, as the batch allocated it
     */
    public IntWriter(IntVector vector) {
        super(vector);
    }

    /**
     * {@return the writer of {@code column} in {@code root}, or {@code null} when the call did not
     * select it}
     *
     * @param root the batch
     * @param column the column's name
     */
    public static IntWriter of(VectorSchemaRoot root, String column) {
        IntVector vector = (IntVector) root.getVector(column);
        return vector == null ? null : new IntWriter(vector);
    }

    /**
     * Writes {@code value} into row {@code index}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, int value) {
        putInt(index, value);
        markValid(index);
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, Integer value) {
        if (value == null) {
            writeNull(index);
        } else {
            write(index, value.intValue());
        }
    }

    /**
     * Writes the value of {@code value} into row {@code index}, or a null when it is empty or
     * {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, OptionalInt value) {
        if (value == null || value.isEmpty()) {
            writeNull(index);
        } else {
            write(index, value.getAsInt());
        }
    }
}
