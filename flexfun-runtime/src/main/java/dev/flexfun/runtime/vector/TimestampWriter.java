package dev.flexfun.runtime.vector;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Writes date-times as 64-bit time since the epoch in the column's unit. Instants (and offset or
 * zoned date-times, converted to instants) count from 1970-01-01T00:00Z; local date-times are
 * written as if they were UTC, as Arrow's zone-less timestamps mean. Digits finer than the unit
 * are dropped, always towards the past (floor), so 1969-12-31T23:59:59.9999999Z in microseconds is
 * ...59.999999. A value out of the unit's range (nanoseconds: years 1677..2262) fails the call.
 */
public final class TimestampWriter extends FixedWidthWriter {
    private final TimeUnit unit;

    /**
     * A writer into {@code vector}.
     *
     * @param vector the column's vector, as the batch allocated it
     */
    public TimestampWriter(TimeStampVector vector) {
        super(vector);
        this.unit = ((ArrowType.Timestamp) vector.getField().getType()).getUnit();
    }

    /**
     * {@return the writer of {@code column} in {@code root}, or {@code null} when the call did not
     * select it}
     *
     * @param root the batch
     * @param column the column's name
     */
    public static TimestampWriter of(VectorSchemaRoot root, String column) {
        TimeStampVector vector = (TimeStampVector) root.getVector(column);
        return vector == null ? null : new TimestampWriter(vector);
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, Instant value) {
        if (value == null) {
            writeNull(index);
            return;
        }
        write(index, value.getEpochSecond(), value.getNano(), value);
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, LocalDateTime value) {
        if (value == null) {
            writeNull(index);
            return;
        }
        write(index, value.toEpochSecond(ZoneOffset.UTC), value.getNano(), value);
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, OffsetDateTime value) {
        write(index, value == null ? null : value.toInstant());
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, ZonedDateTime value) {
        write(index, value == null ? null : value.toInstant());
    }

    /** {@code nano} is 0..999,999,999, so dividing it floors the whole value. */
    private void write(int index, long epochSecond, int nano, Object value) {
        long converted;
        try {
            converted = switch (unit) {
                case SECOND -> epochSecond;
                case MILLISECOND -> Math.addExact(Math.multiplyExact(epochSecond, 1_000L), nano / 1_000_000);
                case MICROSECOND -> Math.addExact(Math.multiplyExact(epochSecond, 1_000_000L), nano / 1_000);
                case NANOSECOND -> Math.addExact(Math.multiplyExact(epochSecond, 1_000_000_000L), nano);
            };
        } catch (ArithmeticException e) {
            throw badValue(index, value + " does not fit a 64-bit timestamp in " + unit + "S; use a coarser unit"
                    + " (@Column(unit = ...)).");
        }
        putLong(index, converted);
        markValid(index);
    }
}
