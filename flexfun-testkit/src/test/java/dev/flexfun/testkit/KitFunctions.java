package dev.flexfun.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.DataSourceMessage;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Hand-written functions the kit's own tests call: they fill vectors directly, no processor involved. */
final class KitFunctions {
    /** The values of row 0 of {@link #types()}; row 1 is all nulls. */
    static final LocalDate DATE = LocalDate.of(1969, 7, 20);
    static final LocalTime TIME = LocalTime.of(20, 17, 40, 123_456_000);
    static final LocalDateTime LOCAL_TIMESTAMP = LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000);
    static final Instant INSTANT = Instant.parse("1960-01-01T00:00:00.000001Z");
    static final BigDecimal DECIMAL = new BigDecimal("-12345678.90");

    /** A record with the column names of {@link #types()}, as a user would map rows to. */
    record TypesRow(Boolean flag, Byte tiny, Short small, Integer integer, Long big, Float real, Double dbl,
            String text, BigDecimal amount, LocalDate day, LocalTime time, LocalDateTime local, Instant instant,
            byte[] bytes) {
    }

    private KitFunctions() {
    }

    static FlexFunction types() {
        Schema schema = new Schema(List.of(
                nullable("flag", ArrowType.Bool.INSTANCE),
                nullable("tiny", new ArrowType.Int(8, true)),
                nullable("small", new ArrowType.Int(16, true)),
                nullable("integer", new ArrowType.Int(32, true)),
                nullable("big", new ArrowType.Int(64, true)),
                nullable("real", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
                nullable("dbl", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                nullable("text", ArrowType.Utf8.INSTANCE),
                nullable("amount", new ArrowType.Decimal(10, 2, 128)),
                nullable("day", new ArrowType.Date(DateUnit.DAY)),
                nullable("time", new ArrowType.Time(TimeUnit.MICROSECOND, 64)),
                nullable("local", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
                nullable("instant", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
                nullable("bytes", ArrowType.Binary.INSTANCE)));
        return new HandWritten("Types", schema, null, ctx -> {
            VectorSchemaRoot root = VectorSchemaRoot.create(schema, ctx.allocator());
            try {
                root.allocateNew();
                ((BitVector) root.getVector("flag")).setSafe(0, 1);
                ((TinyIntVector) root.getVector("tiny")).setSafe(0, Byte.MIN_VALUE);
                ((SmallIntVector) root.getVector("small")).setSafe(0, Short.MAX_VALUE);
                ((IntVector) root.getVector("integer")).setSafe(0, -7);
                ((BigIntVector) root.getVector("big")).setSafe(0, Long.MAX_VALUE);
                ((Float4Vector) root.getVector("real")).setSafe(0, 1.5f);
                ((Float8Vector) root.getVector("dbl")).setSafe(0, Double.NaN);
                ((VarCharVector) root.getVector("text")).setSafe(0, "Grüße ✓".getBytes(StandardCharsets.UTF_8));
                ((DecimalVector) root.getVector("amount")).setSafe(0, DECIMAL);
                ((DateDayVector) root.getVector("day")).setSafe(0, (int) DATE.toEpochDay());
                ((TimeMicroVector) root.getVector("time")).setSafe(0, TIME.toNanoOfDay() / 1000);
                ((TimeStampMicroVector) root.getVector("local")).setSafe(0, micros(LOCAL_TIMESTAMP.toInstant(ZoneOffset.UTC)));
                ((TimeStampMicroTZVector) root.getVector("instant")).setSafe(0, micros(INSTANT));
                ((VarBinaryVector) root.getVector("bytes")).setSafe(0, new byte[] {0, -1, 42});
                for (FieldVector vector : root.getFieldVectors()) {
                    vector.setNull(1);
                }
                root.setRowCount(2);
                return FlexResult.of(root);
            } catch (RuntimeException e) {
                root.close();
                throw e;
            }
        });
    }

    /**
     * {@code Count}: parameters.n rows of one column {@code i} = 0..n-1, with a data-source message;
     * a negative n is rejected (BAD_ARGUMENT).
     */
    static FlexFunction count() {
        Schema schema = new Schema(List.of(Field.notNullable("i", new ArrowType.Int(64, true))));
        return new HandWritten("Count", schema, "{\"tags\":[\"kit\"]}", ctx -> {
            int n = ctx.parameters().path("n").asInt(3);
            if (n < 0) {
                throw new IllegalArgumentException("n must not be negative, was " + n);
            }
            ctx.addDataSourceMessage(new DataSourceMessage("Count", "c-1", "info",
                    JsonNodeFactory.instance.objectNode().put("rows", n)));
            VectorSchemaRoot root = VectorSchemaRoot.create(schema, ctx.allocator());
            BigIntVector i = (BigIntVector) root.getVector("i");
            i.allocateNew(n);
            for (int r = 0; r < n; r++) {
                i.set(r, r);
            }
            root.setRowCount(n);
            return FlexResult.of(root);
        });
    }

    /** {@code BatchSize}: one row, column {@code batch_size} = the call's batch size setting. */
    static FlexFunction batchSize() {
        Schema schema = new Schema(List.of(Field.notNullable("batch_size", new ArrowType.Int(32, true))));
        return new HandWritten("BatchSize", schema, null, ctx -> {
            VectorSchemaRoot root = VectorSchemaRoot.create(schema, ctx.allocator());
            IntVector size = (IntVector) root.getVector("batch_size");
            size.allocateNew(1);
            size.set(0, ctx.batchSize());
            root.setRowCount(1);
            return FlexResult.of(root);
        });
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    private static Field nullable(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    /** The body of a hand-written test function. */
    @FunctionalInterface
    interface Body {
        FlexResult call(CallContext context) throws Exception;
    }

    private record HandWritten(String name, Schema schema, String metadataJson, Body body) implements FlexFunction {
        @Override
        public FlexResult call(CallContext context) throws Exception {
            return body.call(context);
        }
    }
}
