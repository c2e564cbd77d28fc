package dev.flexfun.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.CallCancelledException;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.CallContextBuilder;
import dev.flexfun.runtime.CancellationSignal;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexResult;
import dev.flexfun.runtime.ResultConsumedException;
import dev.flexfun.runtime.vector.ColumnValueException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How generated adapters return rows: containers, column selection, batches, failures, cleanup. */
class ResultBehaviourTest {
    private static final String SOURCE = """
            package fx;

            import dev.flexfun.annotations.Column;
            import dev.flexfun.annotations.FlexFun;
            import dev.flexfun.runtime.CallContext;
            import dev.flexfun.runtime.DataSourceMessage;
            import java.math.BigDecimal;
            import java.util.*;
            import java.util.stream.*;

            public final class Fns {
                public record Pt(int x, String label) {}
                public record Money(@Column(precision = 5, scale = 2) BigDecimal amount) {}
                public record Strict(int id, @Column(nullable = Column.Nullability.NOT_NULL) String name) {}

                public static volatile boolean closed;
                public static volatile int instances;

                static Pt pt(int i) { return new Pt(i, "p" + i); }
                static List<Pt> pts(int n) { return IntStream.range(0, n).mapToObj(Fns::pt).toList(); }

                @FlexFun public static Pt single() { return pt(7); }
                @FlexFun public static List<Pt> list() { return pts(3); }
                @FlexFun public static Collection<Pt> collection() { return new ArrayDeque<>(pts(3)); }
                @FlexFun public static Iterable<Pt> iterable() { return () -> pts(3).iterator(); }
                @FlexFun public static Pt[] array() { return pts(3).toArray(new Pt[0]); }
                @FlexFun public static Iterator<Pt> iterator() { return pts(3).iterator(); }
                @FlexFun public static Stream<Pt> stream() {
                    closed = false;
                    return pts(3).stream().onClose(() -> closed = true);
                }
                @FlexFun public static List<Pt> empty() { return List.of(); }
                @FlexFun public static Stream<Pt> many(CallContext ctx) {
                    closed = false;
                    int n = ctx.parameters().path("n").asInt();
                    return IntStream.range(0, n).mapToObj(Fns::pt).onClose(() -> closed = true);
                }
                @FlexFun public static Iterator<Pt> failing() {
                    closed = false;
                    return new Failing();
                }
                @FlexFun public static List<Pt> nullRow() { return Arrays.asList(pt(0), null); }
                @FlexFun public static Stream<Pt> nothing() { return null; }
                @FlexFun public static List<Money> money(CallContext ctx) {
                    return List.of(new Money(new BigDecimal(ctx.parameters().path("amount").asText())));
                }
                @FlexFun public static List<Strict> strict() {
                    return List.of(new Strict(0, "a"), new Strict(1, "b"), new Strict(2, null));
                }
                @FlexFun public static List<Pt> messages(CallContext ctx) {
                    ctx.addDataSourceMessage(new DataSourceMessage("Fns", "c-1", "warning",
                            com.fasterxml.jackson.databind.node.TextNode.valueOf("partial data")));
                    ctx.addDataSourceMessage(new DataSourceMessage("Fns", "c-2", "info", null));
                    return pts(1);
                }

                public static volatile java.util.concurrent.CountDownLatch reached, proceed;

                /** Blocks at row 2 until the test lets it go. */
                @FlexFun public static Iterator<Pt> blocking() {
                    closed = false;
                    return new Blocking();
                }

                static final class Blocking implements Iterator<Pt>, AutoCloseable {
                    private int next;
                    @Override public boolean hasNext() { return next < 4; }
                    @Override public Pt next() {
                        if (next == 2) {
                            reached.countDown();
                            try { proceed.await(); } catch (InterruptedException e) { throw new IllegalStateException(e); }
                        }
                        return pt(next++);
                    }
                    @Override public void close() { closed = true; }
                }

                public Fns() { instances++; }
                @FlexFun public List<Pt> instance() { return pts(2); }

                /** Yields 5 rows, then fails; records whether it was closed. */
                static final class Failing implements Iterator<Pt>, AutoCloseable {
                    private int next;
                    @Override public boolean hasNext() { return true; }
                    @Override public Pt next() {
                        if (next == 5) throw new IllegalStateException("source broke at row 5");
                        return pt(next++);
                    }
                    @Override public void close() { closed = true; }
                }
            }
            """;

    private static ClassLoader loader;
    private static Class<?> fns;

    @BeforeAll
    static void compile() throws Exception {
        loader = Fixtures.compileAndLoad(JavaFileObjects.forSourceString("fx.Fns", SOURCE));
        fns = loader.loadClass("fx.Fns");
    }

    private static FlexFunction function(String method) {
        return Fixtures.instance(loader, "fx.Fns_" + method + "Adapter", FlexFunction.class);
    }

    private static boolean closed() throws Exception {
        return fns.getField("closed").getBoolean(null);
    }

    /** Reads every batch: one list of "x:label" strings per batch. */
    private static List<List<String>> readAll(FlexResult result, RootAllocator allocator) throws Exception {
        List<List<String>> batches = new ArrayList<>();
        try (BatchStream stream = result.open(allocator)) {
            while (stream.next()) {
                VectorSchemaRoot root = stream.root();
                List<String> rows = new ArrayList<>();
                for (int i = 0; i < root.getRowCount(); i++) {
                    rows.add(((IntVector) root.getVector("x")).get(i) + ":" + root.getVector("label").getObject(i));
                }
                batches.add(rows);
            }
            assertEquals(0, stream.root().getRowCount(), "the root is left empty at the end");
        }
        return batches;
    }

    @ParameterizedTest
    @CsvSource({"list, true", "collection, true", "iterable, true", "array, true", "iterator, false", "stream, false"})
    void everyContainerKind(String method, boolean repeatable) throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = function(method).call(CallContext.builder().build())) {
            assertEquals(repeatable, result.isRepeatable());
            assertEquals(List.of(List.of("0:p0", "1:p1", "2:p2")), readAll(result, allocator));
            if (repeatable) {
                assertEquals(List.of(List.of("0:p0", "1:p1", "2:p2")), readAll(result, allocator), "read again");
            } else {
                ResultConsumedException e = assertThrows(ResultConsumedException.class, () -> result.open(allocator));
                assertEquals(ErrorCode.COMMAND_RESULT_CONSUMED, e.code());
            }
        }
    }

    @Test
    void singleRecordIsOneRepeatableRow() throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = function("single").call(CallContext.builder().build())) {
            assertTrue(result.isRepeatable());
            assertEquals(List.of(List.of("7:p7")), readAll(result, allocator));
            assertEquals(List.of(List.of("7:p7")), readAll(result, allocator));
        }
    }

    @Test
    void streamIsClosedWhenReadToTheEnd() throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = function("stream").call(CallContext.builder().build())) {
            assertFalse(closed());
            readAll(result, allocator);
            assertTrue(closed());
        }
    }

    @Test
    void streamIsClosedWhenTheResultIsClosedUnread() throws Exception {
        FlexResult result = function("stream").call(CallContext.builder().build());
        assertFalse(closed());
        result.close();
        assertTrue(closed());
    }

    @Test
    void emptyResultHasTheSchemaAndNoBatch() throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = function("empty").call(CallContext.builder().build())) {
            assertEquals(List.of("x", "label"), result.schema().getFields().stream().map(Field::getName).toList());
            assertEquals(List.of(), readAll(result, allocator));
        }
    }

    @Test
    void onlyTheHintedColumnsAreWrittenInSchemaOrder() throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = function("list").call(CallContext.builder().columns("label").build());
                BatchStream stream = result.open(allocator)) {
            assertEquals(List.of("label"), result.schema().getFields().stream().map(Field::getName).toList());
            assertTrue(stream.next());
            VectorSchemaRoot root = stream.root();
            assertEquals(1, root.getFieldVectors().size());
            assertEquals("p2", ((VarCharVector) root.getVector("label")).getObject(2).toString());
        }
        try (FlexResult result = function("list").call(CallContext.builder().columns("label", "x").build())) {
            assertEquals(List.of("x", "label"), result.schema().getFields().stream().map(Field::getName).toList(),
                    "schema order, not hint order");
        }
    }

    @Test
    void unknownColumnIsABadArgumentListingTheAvailableOnes() {
        BadArgumentException e = assertThrows(BadArgumentException.class,
                () -> function("list").call(CallContext.builder().columns("x", "nope").build()));
        assertEquals("Unknown column nope in parameters.columns; the available columns are: x, label.", e.getMessage());
    }

    @Test
    void streamOfSeveralBatches() throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = function("many").call(
                        CallContext.builder().parametersJson("{\"n\": 10}").batchSize(3).build())) {
            List<List<String>> batches = readAll(result, allocator);
            assertEquals(List.of(3, 3, 3, 1), batches.stream().map(List::size).toList());
            assertEquals("9:p9", batches.get(3).get(0));
            assertEquals("4:p4", batches.get(1).get(1));
            assertTrue(closed());
        }
    }

    @Test
    void largeBatchesOfUnknownSizeGrow() throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = function("many").call(
                        CallContext.builder().parametersJson("{\"n\": 12000}").batchSize(5000).build())) {
            List<List<String>> batches = readAll(result, allocator);
            assertEquals(List.of(5000, 5000, 2000), batches.stream().map(List::size).toList());
            for (int b = 0; b < batches.size(); b++) {
                for (int i = 0; i < batches.get(b).size(); i++) {
                    int x = b * 5000 + i;
                    assertEquals(x + ":p" + x, batches.get(b).get(i));
                }
            }
        }
    }

    @Test
    void iteratorFailingMidwaySurfacesTheErrorAndIsClosed() throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = function("failing").call(CallContext.builder().batchSize(2).build())) {
            try (BatchStream stream = result.open(allocator)) {
                assertTrue(stream.next());
                assertTrue(stream.next());
                assertFalse(closed());
                IllegalStateException e = assertThrows(IllegalStateException.class, stream::next);
                assertEquals("source broke at row 5", e.getMessage());
                assertTrue(closed(), "the iterator is closed as soon as it fails");
                assertFalse(stream.next());
            }
        }
    }

    @Test
    void cancellationIsCheckedBetweenBatches() throws Exception {
        CancellationSignal cancellation = new CancellationSignal();
        CallContextBuilder context = CallContext.builder().parametersJson("{\"n\": 10}").batchSize(4)
                .cancellation(cancellation);
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = function("many").call(context.build());
                BatchStream stream = result.open(allocator)) {
            assertTrue(stream.next());
            cancellation.cancel();
            assertThrows(CallCancelledException.class, stream::next);
            assertTrue(closed(), "the stream is closed when the call is cancelled");
        }
    }

    @Test
    void closeFromAnotherThreadWaitsForTheBatchBeingWritten() throws Exception {
        java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch proceed = new java.util.concurrent.CountDownLatch(1);
        fns.getField("reached").set(null, reached);
        fns.getField("proceed").set(null, proceed);
        java.util.concurrent.ExecutorService producer = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = function("blocking").call(CallContext.builder().build())) {
            BatchStream stream = result.open(allocator);
            java.util.concurrent.Future<Boolean> batch = producer.submit(stream::next);
            reached.await();
            stream.close();
            assertFalse(closed(), "the vectors and the iterator stay while the batch is being written");
            proceed.countDown();
            assertFalse(batch.get(), "a batch finished after close is not delivered");
            assertTrue(closed(), "then the iterator is closed");
            assertThrows(IllegalStateException.class, stream::next);
        } finally {
            producer.shutdownNow();
        }
    }

    @Test
    void nullRecordFailsNamingTheRow() throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = function("nullRow").call(CallContext.builder().build());
                BatchStream stream = result.open(allocator)) {
            ColumnValueException e = assertThrows(ColumnValueException.class, stream::next);
            assertEquals("Row 1 of the result is null; the function must not return null records.", e.getMessage());
        }
    }

    @Test
    void nullResultFailsTheCall() {
        FlexFunException e = assertThrows(FlexFunException.class,
                () -> function("nothing").call(CallContext.builder().build()));
        assertEquals("Function 'test' returned null; return an empty Stream instead.", e.getMessage());
        assertEquals(ErrorCode.COMMAND_FAILED, e.code());
    }

    @Test
    void nullInNonNullableColumnFailsWithColumnAndRow() throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = function("strict").call(CallContext.builder().build());
                BatchStream stream = result.open(allocator)) {
            ColumnValueException e = assertThrows(ColumnValueException.class, stream::next);
            assertTrue(e.getMessage().startsWith("Column 'name', row 2: the column is not nullable but the value"
                    + " is null."), e.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1.005, 'Column ''amount'', row 0: 1.005 has more than 2 decimal places (the column is DECIMAL(5, 2)); round it in the function, or raise the scale in @Column.'",
        "1000.5, 'Column ''amount'', row 0: 1000.5 has more digits than DECIMAL(5, 2) holds (at most 3 before the decimal point); raise the precision in @Column.'"
    })
    void decimalsThatDoNotFitFailAndAreNeverRounded(String amount, String message) throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = function("money").call(
                        CallContext.builder().parametersJson("{\"amount\": \"" + amount + "\"}").build());
                BatchStream stream = result.open(allocator)) {
            ColumnValueException e = assertThrows(ColumnValueException.class, stream::next);
            assertEquals(message, e.getMessage());
        }
    }

    @Test
    void decimalAtTheLimitsFits() throws Exception {
        try (RootAllocator allocator = new RootAllocator();
                FlexResult result = function("money").call(
                        CallContext.builder().parametersJson("{\"amount\": \"-999.990\"}").build());
                BatchStream stream = result.open(allocator)) {
            assertTrue(stream.next());
            assertEquals(new java.math.BigDecimal("-999.99"), stream.root().getVector("amount").getObject(0));
        }
    }

    /**
     * Adapters leave the messages on the context: the server puts them into the schema metadata
     * for generated and hand-written results alike (tested over Flight in examples' FlightEndToEndTest).
     */
    @Test
    void dataSourceMessagesStayOnTheContextForTheServer() throws Exception {
        CallContext context = CallContext.builder().build();
        try (FlexResult result = function("messages").call(context)) {
            assertTrue(result.schema().getCustomMetadata().isEmpty(), "the adapter adds no metadata");
            assertEquals(List.of("c-1", "c-2"),
                    context.dataSourceMessages().stream().map(m -> m.correlationId()).toList());
        }
    }

    @Test
    void instanceMethodGetsANewInstancePerCall() throws Exception {
        FlexFunction function = function("instance");
        int before = fns.getField("instances").getInt(null);
        try (RootAllocator allocator = new RootAllocator()) {
            for (int i = 0; i < 2; i++) {
                try (FlexResult result = function.call(CallContext.builder().build())) {
                    assertEquals(List.of(List.of("0:p0", "1:p1")), readAll(result, allocator));
                }
            }
        }
        assertEquals(before + 2, fns.getField("instances").getInt(null));
    }
}
