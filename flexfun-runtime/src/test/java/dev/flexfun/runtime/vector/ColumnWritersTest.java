package dev.flexfun.runtime.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
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
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every raw-address column writer, driven as the batch driver drives it: a batch that starts small and
 * grows row by row, then a second batch in the same (reused, not zeroed) buffers. Nulls every third row,
 * long and non-ASCII strings, decimals at the precision limit; and with assertions on (as here) a write
 * beyond the capacity fails instead of writing past the buffer. The allocator is closed after each test,
 * so a leak fails it.
 */
class ColumnWritersTest {
    private static final int FIRST_BATCH = 1_000;
    private static final int SECOND_BATCH = 37;
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** Writes row {@code row} (a value or null) at batch index {@code index}. */
    private interface RowWrite<W> {
        void write(W writer, int index, long row);
    }

    /** Row {@code row}'s value or null, as the vector's getObject shows it (compared as text). */
    private <V extends FieldVector, W extends ColumnWriter> void roundTrip(V vector, Function<V, W> writerOf,
            RowWrite<W> write, LongFunction<Object> expected) {
        try (vector) {
            W writer = writerOf.apply(vector);
            writeBatch(writer, write, 0, FIRST_BATCH);
            check(vector, expected, 0, FIRST_BATCH);
            writeBatch(writer, write, 5_000, SECOND_BATCH);
            check(vector, expected, 5_000, SECOND_BATCH);
        }
    }

    private static <W extends ColumnWriter> void writeBatch(W writer, RowWrite<W> write, long firstRow, int rows) {
        int capacity = 4;
        writer.allocate(capacity);
        for (int i = 0; i < rows; i++) {
            if (i == capacity) {
                capacity *= 2;
                writer.grow(capacity);
            }
            write.write(writer, i, firstRow + i);
        }
        writer.finish(rows);
    }

    private static void check(FieldVector vector, LongFunction<Object> expected, long firstRow, int rows) {
        assertEquals(rows, vector.getValueCount());
        for (int i = 0; i < rows; i++) {
            Object want = expected.apply(firstRow + i);
            Object got = vector.getObject(i);
            if (want instanceof byte[] bytes) {
                assertTrue(Arrays.equals(bytes, (byte[]) got), "row " + (firstRow + i));
            } else {
                assertEquals(Objects.toString(want, null), Objects.toString(got, null), "row " + (firstRow + i));
            }
        }
    }

    private static boolean isNull(long row) {
        return row % 3 == 1;
    }

    @Test
    void tinyInt() {
        roundTrip(new TinyIntVector("c", allocator), TinyIntWriter::new,
                (w, i, row) -> w.write(i, isNull(row) ? null : (byte) row), row -> isNull(row) ? null : (byte) row);
    }

    @Test
    void smallInt() {
        roundTrip(new SmallIntVector("c", allocator), SmallIntWriter::new,
                (w, i, row) -> w.write(i, isNull(row) ? null : (short) -row), row -> isNull(row) ? null : (short) -row);
    }

    @Test
    void int32() {
        roundTrip(new IntVector("c", allocator), IntWriter::new,
                (w, i, row) -> w.write(i, isNull(row) ? null : (int) row * 7), row -> isNull(row) ? null : (int) row * 7);
    }

    @Test
    void int64() {
        roundTrip(new BigIntVector("c", allocator), BigIntWriter::new,
                (w, i, row) -> w.write(i, isNull(row) ? null : Long.MAX_VALUE - row),
                row -> isNull(row) ? null : Long.MAX_VALUE - row);
    }

    @Test
    void float32And64() {
        roundTrip(new Float4Vector("c", allocator), Float4Writer::new,
                (w, i, row) -> w.write(i, isNull(row) ? null : row / 4f), row -> isNull(row) ? null : row / 4f);
        roundTrip(new Float8Vector("c", allocator), Float8Writer::new,
                (w, i, row) -> w.write(i, isNull(row) ? null : row / 3d), row -> isNull(row) ? null : row / 3d);
    }

    @Test
    void bit() {
        roundTrip(new BitVector("c", allocator), BitWriter::new,
                (w, i, row) -> w.write(i, isNull(row) ? null : row % 2 == 0), row -> isNull(row) ? null : row % 2 == 0);
    }

    @Test
    void dateDay() {
        roundTrip(new DateDayVector("c", allocator), DateDayWriter::new,
                (w, i, row) -> w.write(i, isNull(row) ? null : LocalDate.ofEpochDay(row - 500)),
                row -> isNull(row) ? null : (int) (row - 500));
    }

    @Test
    void timeMicro() {
        roundTrip(new TimeMicroVector("c", allocator), TimeWriter::new,
                (w, i, row) -> w.write(i, isNull(row) ? null : LocalTime.ofSecondOfDay(row)),
                row -> isNull(row) ? null : row * 1_000_000L);
    }

    @Test
    void timestampMicroUtc() {
        roundTrip(new TimeStampMicroTZVector("c", allocator, "UTC"), TimestampWriter::new,
                (w, i, row) -> w.write(i, isNull(row) ? null : Instant.ofEpochSecond(row, 1_000)),
                row -> isNull(row) ? null : row * 1_000_000L + 1);
    }

    @Test
    void decimalsAtThePrecisionLimit() {
        BigDecimal largest = new BigDecimal("9".repeat(36) + ".99"); // DECIMAL(38, 2)'s largest value
        LongFunction<BigDecimal> value = row -> row % 2 == 0 ? largest.subtract(BigDecimal.valueOf(row))
                : largest.negate().add(BigDecimal.valueOf(row, 2));
        roundTrip(new DecimalVector("c", allocator, 38, 2), DecimalWriter::new,
                (w, i, row) -> w.write(i, isNull(row) ? null : value.apply(row)),
                row -> isNull(row) ? null : value.apply(row));
        try (DecimalVector vector = new DecimalVector("c", allocator, 38, 2)) {
            DecimalWriter writer = new DecimalWriter(vector);
            writer.allocate(1);
            ColumnValueException tooLarge = assertThrows(ColumnValueException.class,
                    () -> writer.write(0, largest.add(new BigDecimal("0.01"))));
            assertTrue(tooLarge.getMessage().contains("more digits than DECIMAL(38, 2)"), tooLarge.getMessage());
        }
    }

    @Test
    void utf8LongAndNonAsciiStrings() {
        String big = "žluťoučký kůň 日本語 🎉 ".repeat(5_000); // ~150 KB, far beyond 16 bytes a row
        LongFunction<String> value = row -> row == 3 ? big : row % 5 == 0 ? "" : "řádek-" + row + "-€";
        roundTrip(new VarCharVector("c", allocator), Utf8Writer::new,
                (w, i, row) -> w.write(i, isNull(row) ? null : value.apply(row)),
                row -> isNull(row) ? null : value.apply(row));
    }

    @Test
    void binary() {
        LongFunction<byte[]> value = row -> row == 3 ? new byte[200_000]
                : ("bytes " + row).getBytes(StandardCharsets.UTF_8);
        roundTrip(new VarBinaryVector("c", allocator), BinaryWriter::new,
                (w, i, row) -> w.write(i, isNull(row) ? null : value.apply(row)),
                row -> isNull(row) ? null : value.apply(row));
    }

    @Test
    void withAssertionsOnAWriteBeyondTheCapacityFailsInsteadOfWritingPastTheBuffer() {
        assertTrue(ColumnWriter.CHECK_BOUNDS, "tests run with assertions on");
        try (IntVector ints = new IntVector("ints", allocator); VarCharVector strings = new VarCharVector("s", allocator)) {
            IntWriter intWriter = new IntWriter(ints);
            intWriter.allocate(4);
            int capacity = ints.getValueCapacity();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> intWriter.write(capacity, 1));
            assertTrue(e.getMessage().startsWith("Column 'ints': write at row " + capacity), e.getMessage());

            Utf8Writer stringWriter = new Utf8Writer(strings);
            stringWriter.allocate(4);
            int rows = strings.getValueCapacity();
            assertThrows(IllegalStateException.class, () -> stringWriter.write(rows, "x"));
            assertThrows(IllegalStateException.class, () -> stringWriter.write(-1, "x"));
        }
    }
}
