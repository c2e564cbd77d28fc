package dev.flexfun.runtime.vector;

import java.time.LocalDate;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes {@link LocalDate}s as days since 1970-01-01 into a {@link DateDayVector}. */
public final class DateDayWriter extends FixedWidthWriter {

    public DateDayWriter(DateDayVector vector) {
        super(vector);
    }

    /** The writer of {@code column} in {@code root}, or {@code null} when the call did not select it. */
    public static DateDayWriter of(VectorSchemaRoot root, String column) {
        DateDayVector vector = (DateDayVector) root.getVector(column);
        return vector == null ? null : new DateDayWriter(vector);
    }

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
