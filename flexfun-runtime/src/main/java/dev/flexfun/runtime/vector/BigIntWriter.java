package dev.flexfun.runtime.vector;

import java.util.OptionalLong;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@code long} values into a {@link BigIntVector}. */
public final class BigIntWriter extends FixedWidthWriter {

    public BigIntWriter(BigIntVector vector) {
        super(vector);
    }

    /** The writer of {@code column} in {@code root}, or {@code null} when the call did not select it. */
    public static BigIntWriter of(VectorSchemaRoot root, String column) {
        BigIntVector vector = (BigIntVector) root.getVector(column);
        return vector == null ? null : new BigIntWriter(vector);
    }

    public void write(int index, long value) {
        putLong(index, value);
        markValid(index);
    }

    public void write(int index, Long value) {
        if (value == null) {
            writeNull(index);
        } else {
            write(index, value.longValue());
        }
    }

    public void write(int index, OptionalLong value) {
        if (value == null || value.isEmpty()) {
            writeNull(index);
        } else {
            write(index, value.getAsLong());
        }
    }
}
