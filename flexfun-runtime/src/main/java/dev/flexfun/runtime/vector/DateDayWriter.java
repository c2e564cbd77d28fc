package dev.flexfun.runtime.vector;

import java.time.LocalDate;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@link LocalDate}s as days since 1970-01-01 into a {@link DateDayVector}. */
public final class DateDayWriter extends FixedWidthWriter {

    /**
     * A writer into {@code vector}.
     *
     * @param vector the column's vector, as the batch allocated it
     */
    public DateDayWriter(DateDayVector vector) {
        super(vector);
    }

    /**
     * {@return the writer of {@code column} in {@code root}, or {@code null} when the call did not
     * select it}
     *
     * @param root the batch
     * @param column the column's name
     */
    public static DateDayWriter of(VectorSchemaRoot root, String column) {
        DateDayVector vector = (DateDayVector) root.getVector(column);
        return vector == null ? null : new DateDayWriter(vector);
    }

    /**
     * Writes {@code value} into row {@code index}, or a null when it is {@code null}.
     *
     * @param index the row in the batch
     * @param value the value to write
     */
    public void write(int index, LocalDate value) {
        if (value == null) {
            writeNull(index);
            return;
        }
        long day = value.toEpochDay();
        if (day != (int) day) {
            throw badValue(index, value + " is outside the range of an Arrow Date(DAY) (32-bit days since 1970).");
        }
        putInt(index, (int) day);
        markValid(index);
    }
}
