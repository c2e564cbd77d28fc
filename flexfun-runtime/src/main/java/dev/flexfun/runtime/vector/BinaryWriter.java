package dev.flexfun.runtime.vector;

import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@code byte[]} values into a {@link VarBinaryVector}. */
public final class BinaryWriter extends VariableWidthWriter {

    public BinaryWriter(VarBinaryVector vector) {
        super(vector);
    }

    /** The writer of {@code column} in {@code root}, or {@code null} when the call did not select it. */
    public static BinaryWriter of(VectorSchemaRoot root, String column) {
        VarBinaryVector vector = (VarBinaryVector) root.getVector(column);
        return vector == null ? null : new BinaryWriter(vector);
    }

    public void write(int index, byte[] value) {
        if (value == null) {
            writeNullValue(index);
        } else {
            writeBytes(index, value);
        }
    }
}
