package dev.flexfun.runtime.vector;

import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@code short} values into a {@link SmallIntVector}. */
public final class SmallIntWriter extends FixedWidthWriter {

    /**
     * A writer into {@code vector}.
     *
     * @param vector the column's vector, as the batch allocated it
     */
    public SmallIntWriter(SmallIntVector vector) {
        super(vector);
    }

    /**
     * {@return the writer of {@code column} in {@code root}, or {@code null} when the call did not
     * select it}
     *
     * @param root the batch
     * @param column the column's name
     */
    public static SmallIntWriter of(VectorSchemaRoot root, String column) {
        SmallIntVector vector = (SmallIntVector) root.getVector(column);
        return vector == null ? null : new SmallIntWriter(vector);
    }

    /**
     * Writes {@code value} into row {@code index}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, short value) {
        putShort(index, value);
        markValid(index);
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, Short value) {
        if (value == null) {
            writeNull(index);
        } else {
            write(index, value.shortValue());
        }
    }

}
