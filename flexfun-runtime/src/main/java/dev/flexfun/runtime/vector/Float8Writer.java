package dev.flexfun.runtime.vector;

import java.util.OptionalDouble;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@code double} values into a {@link Float8Vector}. */
public final class Float8Writer extends FixedWidthWriter {

    public Float8Writer(Float8Vector vector) {
        super(vector);
    }

    /** The writer of {@code column} in {@code root}, or {@code null} when the call did not select it. */
    public static Float8Writer of(VectorSchemaRoot root, String column) {
        Float8Vector vector = (Float8Vector) root.getVector(column);
        return vector == null ? null : new Float8Writer(vector);
    }

    public void write(int index, double value) {
        putLong(index, Double.doubleToRawLongBits(value));
        markValid(index);
    }

    public void write(int index, Double value) {
        if (value == null) {
            writeNull(index);
        } else {
            write(index, value.doubleValue());
        }
    }

    public void write(int index, OptionalDouble value) {
        if (value == null || value.isEmpty()) {
            writeNull(index);
        } else {
            write(index, value.getAsDouble());
        }
    }
}
