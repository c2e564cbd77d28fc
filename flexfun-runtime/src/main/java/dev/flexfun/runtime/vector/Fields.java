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

    public static Field bool(String name, boolean nullable) {
        return field(name, nullable, ArrowType.Bool.INSTANCE);
    }

    /** A signed integer of {@code bitWidth} 8, 16, 32 or 64. */
    public static Field signedInt(String name, boolean nullable, int bitWidth) {
        return field(name, nullable, new ArrowType.Int(bitWidth, true));
    }

    public static Field float32(String name, boolean nullable) {
        return field(name, nullable, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE));
    }

    public static Field float64(String name, boolean nullable) {
        return field(name, nullable, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
    }

    public static Field utf8(String name, boolean nullable) {
        return field(name, nullable, ArrowType.Utf8.INSTANCE);
    }

    public static Field binary(String name, boolean nullable) {
        return field(name, nullable, ArrowType.Binary.INSTANCE);
    }

    /** A 128-bit decimal. */
    public static Field decimal(String name, boolean nullable, int precision, int scale) {
        return field(name, nullable, new ArrowType.Decimal(precision, scale, 128));
    }

    public static Field dateDay(String name, boolean nullable) {
        return field(name, nullable, new ArrowType.Date(DateUnit.DAY));
    }

    /** A time of day; seconds and milliseconds are 32 bits wide, micro- and nanoseconds 64. */
    public static Field time(String name, boolean nullable, TimeUnit unit) {
        int bitWidth = unit == TimeUnit.SECOND || unit == TimeUnit.MILLISECOND ? 32 : 64;
        return field(name, nullable, new ArrowType.Time(unit, bitWidth));
    }

    /** A timestamp; {@code timeZone} {@code null} means a local date-time (no zone). */
    public static Field timestamp(String name, boolean nullable, TimeUnit unit, String timeZone) {
        return field(name, nullable, new ArrowType.Timestamp(unit, timeZone));
    }

    private static Field field(String name, boolean nullable, ArrowType type) {
        return new Field(name, new FieldType(nullable, type, null), List.of());
    }
}
