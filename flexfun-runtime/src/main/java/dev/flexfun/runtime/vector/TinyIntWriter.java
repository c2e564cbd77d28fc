package dev.flexfun.runtime.vector;

import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@code byte} values into a {@link TinyIntVector}. */
public final class TinyIntWriter extends FixedWidthWriter {

    /**
     * A writer into {@code vector}.
     *
     * @param vector the column's vector, as the batch allocated it
     */
    public TinyIntWriter(TinyIntVector vector) {
        super(vector);
    }

    /**
     * {@return the writer of {@code column} in {@code root}, or {@code null} when the call did not
     * select it}
     *
     * @param root the batch
     * @param column the column's name
     */
    public static TinyIntWriter of(VectorSchemaRoot root, String column) {
        TinyIntVector vector = (TinyIntVector) root.getVector(column);
        return vector == null ? null : new TinyIntWriter(vector);
    }

    /**
     * Writes {@code value} into row {@code index}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, byte value) {
        putByte(index, value);
        markValid(index);
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, Byte value) {
        if (value == null) {
            writeNull(index);
        } else {
            write(index, value.byteValue());
        }
    }

}
