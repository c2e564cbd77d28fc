package dev.flexfun.runtime.vector;

import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@code byte[]} values into a {@link VarBinaryVector}. */
public final class BinaryWriter extends VariableWidthWriter {

    /**
     * A writer into {@code vector}.
     *
     * @param vector the column's vector, as the batch allocated it
     */
    public BinaryWriter(VarBinaryVector vector) {
        super(vector);
    }

    /**
     * {@return the writer of {@code column} in {@code root}, or {@code null} when the call did not
     * select it}
     *
     * @param root the batch
     * @param column the column's name
     */
    public static BinaryWriter of(VectorSchemaRoot root, String column) {
        VarBinaryVector vector = (VarBinaryVector) root.getVector(column);
        return vector == null ? null : new BinaryWriter(vector);
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, byte[] value) {
        if (value == null) {
            writeNullValue(index);
        } else {
            writeBytes(index, value);
        }
    }
}
