package dev.flexfun.runtime.vector;

import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Factories for the Arrow fields of generated schemas; they keep generated code short and readable. */
public final class Fields {
    private Fields() {
    }

    /**
     * {@return a boolean field}
     *
     * @param name the column's name
     * @param nullable whether the column may hold nulls
     */
    public static Field bool(String name, boolean nullable) {
        return field(name, nullable, ArrowType.Bool.INSTANCE);
    }

    /**
     * {@return a signed integer field}
     *
     * @param name the column's name
     * @param nullable whether the column may hold nulls
     * @param bitWidth 8, 16, 32 or 64
     */
    public static Field signedInt(String name, boolean nullable, int bitWidth) {
        return field(name, nullable, new ArrowType.Int(bitWidth, true));
    }

    /**
     * {@return a single-precision floating-point field}
     *
     * @param name the column's name
     * @param nullable whether the column may hold nulls
     */
    public static Field float32(String name, boolean nullable) {
        return field(name, nullable, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE));
    }

    /**
     * {@return a double-precision floating-point field}
     *
     * @param name the column's name
     * @param nullable whether the column may hold nulls
     */
    public static Field float64(String name, boolean nullable) {
        return field(name, nullable, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
    }

    /**
     * {@return a UTF-8 string field}
     *
     * @param name the column's name
     * @param nullable whether the column may hold nulls
     */
    public static Field utf8(String name, boolean nullable) {
        return field(name, nullable, ArrowType.Utf8.INSTANCE);
    }

    /**
     * {@return a variable-length binary field}
     *
     * @param name the column's name
     * @param nullable whether the column may hold nulls
     */
    public static Field binary(String name, boolean nullable) {
        return field(name, nullable, ArrowType.Binary.INSTANCE);
    }

    /**
     * {@return a 128-bit decimal field}
     *
     * @param name the column's name
     * @param nullable whether the column may hold nulls
     * @param precision the number of digits, 1..38
     * @param scale the digits after the decimal point, 0..precision
     */
    public static Field decimal(String name, boolean nullable, int precision, int scale) {
        return field(name, nullable, new ArrowType.Decimal(precision, scale, 128));
    }

    /**
     * {@return a date field counted in days}
     *
     * @param name the column's name
     * @param nullable whether the column may hold nulls
     */
    public static Field dateDay(String name, boolean nullable) {
        return field(name, nullable, new ArrowType.Date(DateUnit.DAY));
    }

    /**
     * {@return a time-of-day field} Seconds and milliseconds are 32 bits wide, micro- and
     * nanoseconds 64.
     *
     * @param name the column's name
     * @param nullable whether the column may hold nulls
     * @param unit the time unit
     */
    public static Field time(String name, boolean nullable, TimeUnit unit) {
        int bitWidth = unit == TimeUnit.SECOND || unit == TimeUnit.MILLISECOND ? 32 : 64;
        return field(name, nullable, new ArrowType.Time(unit, bitWidth));
    }

    /**
     * {@return a timestamp field}
     *
     * @param name the column's name
     * @param nullable whether the column may hold nulls
     * @param unit the time unit
     * @param timeZone the time zone, or {@code null} for a local date-time (no zone)
     */
    public static Field timestamp(String name, boolean nullable, TimeUnit unit, String timeZone) {
        return field(name, nullable, new ArrowType.Timestamp(unit, timeZone));
    }

    private static Field field(String name, boolean nullable, ArrowType type) {
        return new Field(name, new FieldType(nullable, type, null), List.of());
    }
}
