package dev.flexfun.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.function.Consumer;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every row of the type table, written by a generated adapter and read back from the vectors. */
class TypeRoundTripTest {
    private static final String SOURCE = """
            package fx;

            import dev.flexfun.annotations.Column;
            import dev.flexfun.annotations.FlexFun;
            import java.math.BigDecimal;
            import java.time.*;
            import java.util.*;

            public final class Types {
                public enum Level { LOW, HIGH }

                @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)
                public @interface NonNull {}

                public record Row(
                        boolean bool, Boolean boolBox,
                        byte int8, Byte int8Box,
                        short int16, Short int16Box,
                        int int32, Integer int32Box,
                        long int64, Long int64Box,
                        float float32, Float float32Box,
                        double float64, Double float64Box,
                        String text, char ch, Character chBox, Level level, UUID uuid,
                        @Column(precision = 38, scale = 10) BigDecimal dec,
                        LocalDate date, LocalTime time, LocalDateTime localTs,
                        Instant instant, OffsetDateTime offsetTs, ZonedDateTime zonedTs,
                        byte[] bytes,
                        Optional<String> optText, OptionalInt optInt, OptionalLong optLong, OptionalDouble optDouble,
                        @Column(name = "renamed") String original,
                        @Column(nullable = Column.Nullability.NOT_NULL) String required,
                        @NonNull String typeUseRequired,
                        @Column(unit = Column.TimeUnit.NANOSECOND) Instant nanos,
                        @Column(unit = Column.TimeUnit.SECOND) LocalTime timeSeconds,
                        @Column(timeZone = "Europe/Prague") Instant prague,
                        @Column(unit = Column.TimeUnit.MILLISECOND) LocalDateTime millis) {}

                @FlexFun(name = "AllTypes")
                public static List<Row> rows() {
                    return List.of(
                        new Row(false, false, Byte.MIN_VALUE, Byte.MIN_VALUE, Short.MIN_VALUE, Short.MIN_VALUE,
                            Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE,
                            Float.NaN, Float.NEGATIVE_INFINITY, Double.NaN, -0.0,
                            "", 'a', 'é', Level.LOW, UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                            new BigDecimal("-9999999999999999999999999999.9999999999"),
                            LocalDate.of(1969, 12, 31), LocalTime.MIDNIGHT, LocalDateTime.of(1900, 1, 1, 0, 0),
                            Instant.parse("1969-12-31T23:59:59.999999999Z"),
                            OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)),
                            ZonedDateTime.of(LocalDateTime.of(2024, 7, 1, 12, 0), ZoneId.of("Europe/Prague")),
                            new byte[0], Optional.of("x"), OptionalInt.of(Integer.MIN_VALUE),
                            OptionalLong.of(Long.MAX_VALUE), OptionalDouble.of(Double.NaN),
                            "orig", "req", "tu", Instant.parse("2262-04-11T23:47:16.854775807Z"),
                            LocalTime.of(23, 59, 59, 999_999_999), Instant.EPOCH,
                            LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999)),
                        new Row(true, true, Byte.MAX_VALUE, Byte.MAX_VALUE, Short.MAX_VALUE, Short.MAX_VALUE,
                            Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
                            Float.MAX_VALUE, Float.MIN_VALUE, Double.MAX_VALUE, Double.MIN_VALUE,
                            "žluťoučký kůň 🐎", '\\u007f', '€', Level.HIGH, new UUID(-1, -1),
                            new BigDecimal("9999999999999999999999999999.9999999999"),
                            LocalDate.of(9999, 12, 31), LocalTime.MAX,
                            LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_789),
                            Instant.parse("2024-02-29T13:45:30.123456789Z"),
                            OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 1_999, ZoneOffset.ofHours(-1)),
                            ZonedDateTime.of(LocalDateTime.of(1950, 1, 1, 0, 0), ZoneId.of("UTC")),
                            new byte[] {0, -1, 127}, Optional.empty(), OptionalInt.empty(), OptionalLong.empty(),
                            OptionalDouble.empty(), null, "", "", Instant.EPOCH, LocalTime.NOON,
                            Instant.parse("2024-01-01T00:00:00Z"), LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1_999_999)),
                        new Row(false, null, (byte) 0, null, (short) 0, null, 0, null, 0L, null, 0f, null, 0d, null,
                            null, 'z', null, null, null, new BigDecimal("1.5"), null, null, null, null, null, null,
                            null, null, null, null, null, null, "r", "t", null, null, null, null));
                }
            }
            """;

    private static FlexFunction function;

    @BeforeAll
    static void compile() {
        ClassLoader loader = Fixtures.compileAndLoad(JavaFileObjects.forSourceString("fx.Types", SOURCE));
        function = Fixtures.instance(loader, "fx.Types_rowsAdapter", FlexFunction.class);
    }

    @Test
    void schemaFollowsTheTypeTable() {
        Schema schema = function.schema();
        assertEquals("AllTypes", function.name());
        assertField(schema, "bool", false, ArrowType.Bool.INSTANCE);
        assertField(schema, "boolBox", true, ArrowType.Bool.INSTANCE);
        assertField(schema, "int8", false, new ArrowType.Int(8, true));
        assertField(schema, "int16Box", true, new ArrowType.Int(16, true));
        assertField(schema, "int32", false, new ArrowType.Int(32, true));
        assertField(schema, "int64Box", true, new ArrowType.Int(64, true));
        assertField(schema, "float32", false,
                new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.SINGLE));
        assertField(schema, "float64Box", true,
                new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE));
        for (String utf8 : new String[] {"text", "chBox", "level", "uuid", "optText"}) {
            assertField(schema, utf8, true, ArrowType.Utf8.INSTANCE);
        }
        assertField(schema, "ch", false, ArrowType.Utf8.INSTANCE);
        assertField(schema, "dec", true, new ArrowType.Decimal(38, 10, 128));
        assertField(schema, "date", true, new ArrowType.Date(org.apache.arrow.vector.types.DateUnit.DAY));
        assertField(schema, "time", true, new ArrowType.Time(TimeUnit.MICROSECOND, 64));
        assertField(schema, "timeSeconds", true, new ArrowType.Time(TimeUnit.SECOND, 32));
        assertField(schema, "localTs", true, new ArrowType.Timestamp(TimeUnit.MICROSECOND, null));
        assertField(schema, "millis", true, new ArrowType.Timestamp(TimeUnit.MILLISECOND, null));
        for (String utc : new String[] {"instant", "offsetTs", "zonedTs"}) {
            assertField(schema, utc, true, new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"));
        }
        assertField(schema, "nanos", true, new ArrowType.Timestamp(TimeUnit.NANOSECOND, "UTC"));
        assertField(schema, "prague", true, new ArrowType.Timestamp(TimeUnit.MICROSECOND, "Europe/Prague"));
        assertField(schema, "bytes", true, ArrowType.Binary.INSTANCE);
        assertField(schema, "optInt", true, new ArrowType.Int(32, true));
        assertField(schema, "optLong", true, new ArrowType.Int(64, true));
        assertField(schema, "optDouble", true,
                new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE));
        assertField(schema, "renamed", true, ArrowType.Utf8.INSTANCE);
        assertField(schema, "required", false, ArrowType.Utf8.INSTANCE);
        assertField(schema, "typeUseRequired", false, ArrowType.Utf8.INSTANCE);
        assertEquals(38, schema.getFields().size());
        assertEquals("bool", schema.getFields().get(0).getName(), "field order = component order");
        assertEquals("millis", schema.getFields().get(37).getName());
    }

    @Test
    void minimumAndEdgeValues() throws Exception {
        read(root -> {
            assertEquals(3, root.getRowCount());
            int r = 0;
            assertEquals(false, value(root, "bool", r));
            assertEquals(Byte.MIN_VALUE, value(root, "int8", r));
            assertEquals(Byte.MIN_VALUE, value(root, "int8Box", r));
            assertEquals(Short.MIN_VALUE, value(root, "int16", r));
            assertEquals(Integer.MIN_VALUE, value(root, "int32Box", r));
            assertEquals(Long.MIN_VALUE, value(root, "int64", r));
            assertEquals(Long.MIN_VALUE, value(root, "int64Box", r));
            assertTrue(Float.isNaN((Float) value(root, "float32", r)));
            assertEquals(Float.NEGATIVE_INFINITY, value(root, "float32Box", r));
            assertTrue(Double.isNaN((Double) value(root, "float64", r)));
            assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) value(root, "float64Box", r)));
            assertEquals("", value(root, "text", r));
            assertFalse(root.getVector("text").isNull(r), "empty string is not null");
            assertEquals("a", value(root, "ch", r));
            assertEquals("é", value(root, "chBox", r));
            assertEquals("LOW", value(root, "level", r));
            assertEquals("123e4567-e89b-12d3-a456-426614174000", value(root, "uuid", r));
            assertEquals(new BigDecimal("-9999999999999999999999999999.9999999999"), value(root, "dec", r));
            assertEquals(-1, value(root, "date", r), "1969-12-31 is day -1");
            assertEquals(0L, value(root, "time", r));
            assertEquals(LocalDateTime.of(1900, 1, 1, 0, 0), value(root, "localTs", r));
            assertEquals(-1L, value(root, "instant", r), "sub-microsecond digits are dropped towards the past");
            assertEquals(micros(Instant.parse("2024-01-01T10:00:00Z")), value(root, "offsetTs", r));
            assertEquals(micros(Instant.parse("2024-07-01T10:00:00Z")), value(root, "zonedTs", r));
            assertArrayEquals(new byte[0], (byte[]) value(root, "bytes", r));
            assertEquals("x", value(root, "optText", r));
            assertEquals(Integer.MIN_VALUE, value(root, "optInt", r));
            assertEquals(Long.MAX_VALUE, value(root, "optLong", r));
            assertTrue(Double.isNaN((Double) value(root, "optDouble", r)));
            assertEquals("orig", value(root, "renamed", r));
            assertEquals(Long.MAX_VALUE, value(root, "nanos", r));
            assertEquals(86_399, value(root, "timeSeconds", r));
            assertEquals(0L, value(root, "prague", r));
            assertEquals(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000), value(root, "millis", r));
        });
    }

    @Test
    void maximumAndNonAsciiValues() throws Exception {
        read(root -> {
            int r = 1;
            assertEquals(true, value(root, "bool", r));
            assertEquals(true, value(root, "boolBox", r));
            assertEquals(Byte.MAX_VALUE, value(root, "int8Box", r));
            assertEquals(Short.MAX_VALUE, value(root, "int16Box", r));
            assertEquals(Integer.MAX_VALUE, value(root, "int32", r));
            assertEquals(Long.MAX_VALUE, value(root, "int64Box", r));
            assertEquals(Float.MAX_VALUE, value(root, "float32", r));
            assertEquals(Float.MIN_VALUE, value(root, "float32Box", r));
            assertEquals(Double.MAX_VALUE, value(root, "float64", r));
            assertEquals(Double.MIN_VALUE, value(root, "float64Box", r));
            assertEquals("žluťoučký kůň 🐎", value(root, "text", r));
            assertEquals("\u007f", value(root, "ch", r));
            assertEquals("€", value(root, "chBox", r));
            assertEquals("HIGH", value(root, "level", r));
            assertEquals("ffffffff-ffff-ffff-ffff-ffffffffffff", value(root, "uuid", r));
            assertEquals(new BigDecimal("9999999999999999999999999999.9999999999"), value(root, "dec", r));
            assertEquals(2_932_896, value(root, "date", r), "9999-12-31");
            assertEquals(86_399_999_999L, value(root, "time", r));
            assertEquals(LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000), value(root, "localTs", r));
            assertEquals(micros(Instant.parse("2024-02-29T13:45:30.123456Z")), value(root, "instant", r));
            assertEquals(micros(Instant.parse("2024-01-01T01:00:00.000001Z")), value(root, "offsetTs", r));
            assertEquals(micros(Instant.parse("1950-01-01T00:00:00Z")), value(root, "zonedTs", r));
            assertArrayEquals(new byte[] {0, -1, 127}, (byte[]) value(root, "bytes", r));
            for (String empty : new String[] {"optText", "optInt", "optLong", "optDouble", "renamed"}) {
                assertTrue(root.getVector(empty).isNull(r), empty + " is null");
            }
            assertEquals("", value(root, "required", r));
            assertEquals(43_200, value(root, "timeSeconds", r));
            assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1_000_000), value(root, "millis", r));
        });
    }

    @Test
    void nullsInNullableColumns() throws Exception {
        read(root -> {
            int r = 2;
            for (String nullable : new String[] {"boolBox", "int8Box", "int16Box", "int32Box", "int64Box",
                    "float32Box", "float64Box", "text", "chBox", "level", "uuid", "date", "time", "localTs",
                    "instant", "offsetTs", "zonedTs", "bytes", "optText", "optInt", "optLong", "optDouble", "renamed",
                    "nanos", "timeSeconds", "prague", "millis"}) {
                assertTrue(root.getVector(nullable).isNull(r), nullable + " is null");
                assertFalse(root.getVector(nullable).isNull(0), nullable + " in row 0 is not null");
            }
            assertEquals(0L, value(root, "int64", r));
            assertEquals(false, value(root, "bool", r));
            assertEquals("z", value(root, "ch", r));
            assertEquals(new BigDecimal("1.5000000000"), value(root, "dec", r), "a smaller scale is rescaled exactly");
            assertEquals("r", value(root, "required", r));
        });
    }

    private static void read(Consumer<VectorSchemaRoot> check) throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = function.call(CallContext.builder().build());
                BatchStream stream = result.open(allocator)) {
            assertTrue(stream.next());
            check.accept(stream.root());
            assertFalse(stream.next());
        }
    }

    private static Object value(VectorSchemaRoot root, String column, int row) {
        FieldVector vector = root.getVector(column);
        Object value = vector.getObject(row);
        return value instanceof Text text ? text.toString() : value;
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    private static void assertField(Schema schema, String name, boolean nullable, ArrowType type) {
        Field field = schema.findField(name);
        assertEquals(type, field.getType(), name);
        assertEquals(nullable, field.isNullable(), name + " nullable");
    }
}
