package dev.flexfun.runtime.vector;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Reads Arrow values back as the Java types the FlexFun type table maps from: Utf8 as
 * {@code String}, Date(DAY) as {@code LocalDate}, Time as {@code LocalTime}, a zone-less timestamp
 * as {@code LocalDateTime}, a zoned one as {@code Instant}, Decimal as {@code BigDecimal}, Binary
 * as {@code byte[]}, and numbers and booleans boxed. (Arrow's own {@code getObject} returns
 * {@code Text}, epoch days and raw longs for several of these.)
 */
public final class ArrowValues {
    private ArrowValues() {
    }

    /**
     * {@return the value at {@code index}, or {@code null}}
     *
     * @param vector the vector to read
     * @param index the row
     */
    public static Object get(FieldVector vector, int index) {
        if (vector.isNull(index)) {
            return null;
        }
        if (vector instanceof VarCharVector v) {
            return new String(v.get(index), StandardCharsets.UTF_8);
        }
        if (vector instanceof LargeVarCharVector v) {
            return new String(v.get(index), StandardCharsets.UTF_8);
        }
        if (vector instanceof DateDayVector v) {
            return LocalDate.ofEpochDay(v.get(index));
        }
        if (vector instanceof TimeSecVector v) {
            return LocalTime.ofSecondOfDay(v.get(index));
        }
        if (vector instanceof TimeMilliVector v) {
            return LocalTime.ofNanoOfDay(TimeUnit.MILLISECONDS.toNanos(v.get(index)));
        }
        if (vector instanceof TimeMicroVector v) {
            return LocalTime.ofNanoOfDay(TimeUnit.MICROSECONDS.toNanos(v.get(index)));
        }
        if (vector instanceof TimeNanoVector v) {
            return LocalTime.ofNanoOfDay(v.get(index));
        }
        if (vector instanceof TimeStampVector v) {
            ArrowType.Timestamp type = (ArrowType.Timestamp) v.getField().getType();
            Instant instant = instant(v.get(index), type.getUnit());
            return type.getTimezone() == null ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : instant;
        }
        return vector.getObject(index);
    }

    /**
     * {@return every row of {@code root} as column name to value, in schema order}
     *
     * @param root the batch to read
     */
    public static List<Map<String, Object>> rows(VectorSchemaRoot root) {
        List<FieldVector> vectors = root.getFieldVectors();
        List<Map<String, Object>> rows = new java.util.ArrayList<>(root.getRowCount());
        for (int r = 0; r < root.getRowCount(); r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (FieldVector vector : vectors) {
                row.put(vector.getName(), get(vector, r));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Instant instant(long value, org.apache.arrow.vector.types.TimeUnit unit) {
        return switch (unit) {
            case SECOND -> Instant.ofEpochSecond(value);
            case MILLISECOND -> Instant.ofEpochMilli(value);
            case MICROSECOND -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L),
                    Math.floorMod(value, 1_000_000L) * 1_000L);
            case NANOSECOND -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L),
                    Math.floorMod(value, 1_000_000_000L));
        };
    }
}
