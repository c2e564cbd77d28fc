package dev.flexfun.runtime.vector;

import java.util.OptionalInt;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@code int} values into a {@link IntVector}. */
public final class IntWriter extends FixedWidthWriter {

    public IntWriter(IntVector vector) {
        super(vector);
    }

    /** The writer of {@code column} in {@code root}, or {@code null} when the call did not select it. */
    public static IntWriter of(VectorSchemaRoot root, String column) {
        IntVector vector = (IntVector) root.getVector(column);
        return vector == null ? null : new IntWriter(vector);
    }

    public void write(int index, int value) {
        putInt(index, value);
        markValid(index);
    }

    public void write(int index, Integer value) {
        if (value == null) {
            writeNull(index);
        } else {
            write(index, value.intValue());
        }
    }

    public void write(int index, OptionalInt value) {
        if (value == null || value.isEmpty()) {
            writeNull(index);
        } else {
            write(index, value.getAsInt());
        }
    }
}
