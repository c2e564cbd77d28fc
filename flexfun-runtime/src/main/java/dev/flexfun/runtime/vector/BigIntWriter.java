package dev.flexfun.runtime.vector;

import java.util.OptionalLong;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@code long} values into a {@link BigIntVector}. */
public final class BigIntWriter extends FixedWidthWriter {

    /**
     * A writer into {@code vector}.
     *
     * @param vector the column's vector, as the batch allocated it
     */
    public BigIntWriter(BigIntVector vector) {
        super(vector);
    }

    /**
     * {@return the writer of {@code column} in {@code root}, or {@code null} when the call did not
     * select it}
     *
     * @param root the batch
     * @param column the column's name
     */
    public static BigIntWriter of(VectorSchemaRoot root, String column) {
        BigIntVector vector = (BigIntVector) root.getVector(column);
        return vector == null ? null : new BigIntWriter(vector);
    }

    /**
     * Writes {@code value} into row {@code index}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, long value) {
        putLong(index, value);
        markValid(index);
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, Long value) {
        if (value == null) {
            writeNull(index);
        } else {
            write(index, value.longValue());
        }
    }

    /**
     * Writes the value of {@code value} into row {@code index}, or a null when it is empty or
     * {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, OptionalLong value) {
        if (value == null || value.isEmpty()) {
            writeNull(index);
        } else {
            write(index, value.getAsLong());
        }
    }
}
