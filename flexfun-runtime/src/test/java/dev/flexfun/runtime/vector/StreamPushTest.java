package dev.flexfun.runtime.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.CallCancelledException;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.CancellationSignal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code Stream} result pushed into the vectors ({@link BatchStream#forEachBatch}) sends exactly the
 * batches the pull path ({@link BatchStream#next}) sends, byte for byte, and ends the same ways: at
 * the end of the rows, when the reader stops, when the reader or the rows fail, when the call is
 * cancelled. The allocator is closed after each test, so a leak fails it.
 */
class StreamPushTest {
    private static final int BATCH = 1_000;
    private static final Schema SCHEMA = new Schema(List.of(Fields.utf8("name", true), Fields.signedInt("n", false, 64)));
    private final BufferAllocator allocator = new RootAllocator();

    record Row(String name, long n) {
    }

    /** What the processor generates for {@link Row}, by hand. */
    static final class RowWriter extends RecordBatchWriter<Row> {
        private final Utf8Writer name;
        private final BigIntWriter n;

        RowWriter(VectorSchemaRoot root) {
            name = track(Utf8Writer.of(root, "name"));
            n = track(BigIntWriter.of(root, "n"));
        }

        @Override
        protected int writeRows(Iterator<? extends Row> rows, int index, int end) {
            while (index < end && rows.hasNext()) {
                Row row = requireRow(rows.next(), index);
                name.write(index, row.name());
                n.write(index, row.n());
                index++;
            }
            return index;
        }
    }

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private static Row row(long i) {
        // ASCII, non-ASCII, long and null names: every path of the string writer.
        String name = i % 11 == 0 ? null : i % 7 == 0 ? "Zürich-" + i : i % 5 == 0 ? "x".repeat(200) + i : "row-" + i;
        return new Row(name, i * 31);
    }

    private CallContext context(CancellationSignal cancellation) {
        return CallContext.builder().functionName("Rows").batchSize(BATCH).allocator(allocator)
                .cancellation(cancellation).build();
    }

    private RecordResult<Row> streamOf(long rows, CancellationSignal cancellation) {
        return RecordResult.ofStream(LongStream.range(0, rows).mapToObj(StreamPushTest::row),
                ColumnSelection.of(SCHEMA, Optional.empty()), context(cancellation), RowWriter::new);
    }

    /** Each batch as the transport would see it: row count and every buffer's bytes. */
    private static String wireImage(VectorSchemaRoot root) {
        StringBuilder image = new StringBuilder().append(root.getRowCount()).append(':');
        try (ArrowRecordBatch batch = new VectorUnloader(root).getRecordBatch()) {
            batch.getBuffers().forEach(buffer -> {
                byte[] bytes = new byte[(int) buffer.readableBytes()];
                buffer.getBytes(0, bytes);
                image.append(java.util.Arrays.toString(bytes)).append('|');
            });
        }
        return image.toString();
    }

    private List<String> pulled(long rows) throws Exception {
        List<String> batches = new ArrayList<>();
        try (RecordResult<Row> result = streamOf(rows, new CancellationSignal());
                BatchStream stream = result.open(allocator)) {
            while (stream.next()) {
                batches.add(wireImage(stream.root()));
            }
        }
        return batches;
    }

    private List<String> pushed(long rows) throws Exception {
        List<String> batches = new ArrayList<>();
        try (RecordResult<Row> result = streamOf(rows, new CancellationSignal());
                BatchStream stream = result.open(allocator)) {
            stream.forEachBatch(batch -> {
                assertSame(stream.root(), batch);
                batches.add(wireImage(batch));
                return true;
            });
            assertFalse(stream.next(), "nothing is left after the push");
        }
        return batches;
    }

    @Test
    void pushedBatchesAreByteIdenticalToPulledOnes() throws Exception {
        for (long rows : new long[] {0, 1, BATCH - 1, BATCH, 3L * BATCH + 17}) {
            List<String> pulled = pulled(rows);
            assertEquals(pulled, pushed(rows), rows + " rows");
            assertEquals((rows + BATCH - 1) / BATCH, pulled.size(), rows + " rows");
        }
    }

    @Test
    void theReaderStoppingEndsThePushAndTheStreamIsClosedWithTheResult() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        Stream<Row> rows = LongStream.range(0, 10L * BATCH).mapToObj(StreamPushTest::row).onClose(() -> closed.set(true));
        List<Integer> seen = new ArrayList<>();
        try (RecordResult<Row> result = RecordResult.ofStream(rows, ColumnSelection.of(SCHEMA, Optional.empty()),
                context(new CancellationSignal()), RowWriter::new); BatchStream stream = result.open(allocator)) {
            stream.forEachBatch(batch -> {
                seen.add(batch.getRowCount());
                return seen.size() < 2;
            });
        }
        assertEquals(List.of(BATCH, BATCH), seen);
        assertTrue(closed.get(), "the user's stream is closed");
    }

    @Test
    void whatTheReaderThrowsEndsThePushWithIt() throws Exception {
        try (RecordResult<Row> result = streamOf(5L * BATCH, new CancellationSignal());
                BatchStream stream = result.open(allocator)) {
            IOException sendFailed = new IOException("the client went away");
            assertSame(sendFailed, assertThrows(IOException.class, () -> stream.forEachBatch(batch -> {
                throw sendFailed;
            })));
        }
    }

    @Test
    void whatTheRowsThrowEndsThePushWithIt() throws Exception {
        Stream<Row> failing = LongStream.range(0, 3L * BATCH).mapToObj(i -> {
            if (i == BATCH + 5) {
                throw new IllegalStateException("the database went away");
            }
            return row(i);
        });
        List<Integer> seen = new ArrayList<>();
        try (RecordResult<Row> result = RecordResult.ofStream(failing, ColumnSelection.of(SCHEMA, Optional.empty()),
                context(new CancellationSignal()), RowWriter::new); BatchStream stream = result.open(allocator)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> stream.forEachBatch(batch -> seen.add(batch.getRowCount())));
            assertEquals("the database went away", e.getMessage());
        }
        assertEquals(List.of(BATCH), seen, "the first batch was sent before the failure");
    }

    @Test
    void aNullRowIsAClearErrorNamingTheRow() throws Exception {
        Stream<Row> withNull = LongStream.range(0, 10).mapToObj(i -> i == 4 ? null : row(i));
        try (RecordResult<Row> result = RecordResult.ofStream(withNull, ColumnSelection.of(SCHEMA, Optional.empty()),
                context(new CancellationSignal()), RowWriter::new); BatchStream stream = result.open(allocator)) {
            ColumnValueException e = assertThrows(ColumnValueException.class, () -> stream.forEachBatch(batch -> true));
            assertTrue(e.getMessage().contains("Row 4"), e.getMessage());
        }
    }

    @Test
    void aCancelledCallStopsAtTheNextBatch() throws Exception {
        CancellationSignal cancellation = new CancellationSignal();
        List<Integer> seen = new ArrayList<>();
        try (RecordResult<Row> result = streamOf(10L * BATCH, cancellation); BatchStream stream = result.open(allocator)) {
            assertThrows(CallCancelledException.class, () -> stream.forEachBatch(batch -> {
                seen.add(batch.getRowCount());
                cancellation.cancel();
                return true;
            }));
        }
        assertEquals(List.of(BATCH), seen);
    }
}
