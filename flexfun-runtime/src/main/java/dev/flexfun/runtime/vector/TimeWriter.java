package dev.flexfun.runtime.vector;

import java.time.LocalTime;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Writes {@link LocalTime}s as time since midnight in the column's unit (32 bits for seconds and
 * milliseconds, 64 for micro- and nanoseconds). Finer digits than the unit are dropped.
 */
public final class TimeWriter extends FixedWidthWriter {
    private final TimeUnit unit;

    /**
     * A writer into {@code vector}.
     *
     * @param vector the column's vector, as the batch allocated it
     */
    public TimeWriter(BaseFixedWidthVector vector) {
        super(vector);
        this.unit = ((ArrowType.Time) vector.getField().getType()).getUnit();
    }

    /**
     * {@return the writer of {@code column} in {@code root}, or {@code null} when the call did not
     * select it}
     *
     * @param root the batch
     * @param column the column's name
     */
    public static TimeWriter of(VectorSchemaRoot root, String column) {
        BaseFixedWidthVector vector = (BaseFixedWidthVector) root.getVector(column);
        return vector == null ? null : new TimeWriter(vector);
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, LocalTime value) {
        if (value == null) {
            writeNull(index);
            return;
        }
        long nanos = value.toNanoOfDay();
        switch (unit) {
            case SECOND -> putInt(index, (int) (nanos / 1_000_000_000L));
            case MILLISECOND -> putInt(index, (int) (nanos / 1_000_000L));
            case MICROSECOND -> putLong(index, nanos / 1_000L);
            case NANOSECOND -> putLong(index, nanos);
        }
        markValid(index);
    }
}
