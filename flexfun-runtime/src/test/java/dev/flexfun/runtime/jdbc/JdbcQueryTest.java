package dev.flexfun.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.CallCancelledException;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.CancellationSignal;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import dev.flexfun.runtime.TestThreads;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class JdbcQueryTest {
    record Item(long id, String name, LocalDate day, BigDecimal price) {
    }

    private static final String TABLE =
            "CREATE TABLE items AS SELECT i AS id, 'item ' || i AS name, DATE '2024-01-01' + CAST(i AS INTEGER) AS day,"
            + " CAST(i * 1.5 AS DECIMAL(18, 2)) AS price FROM range(10000) t(i)";
    private static DuckDb db;

    @BeforeAll
    static void createTable() throws SQLException {
        db = new DuckDb(TABLE);
    }

    @AfterAll
    static void closeDatabase() throws SQLException {
        db.close();
    }


    private static Item item(SqlRow row) throws SQLException {
        return new Item(row.getLong("id"), row.getString("name"), row.getLocalDate("day"), row.getBigDecimal("price"));
    }

    @Test
    void streamsMappedRowsAndClosesTheConnectionAtTheEnd() {
        CallContext ctx = CallContext.builder().batchSize(100).build();
        try (Stream<Item> items = JdbcQuery.stream(ctx, db, Sql.of("SELECT * FROM items WHERE id >= ? ORDER BY id", 9998),
                JdbcQueryTest::item)) {
            assertEquals(1, db.openConnections(), "open while the stream is read");
            assertEquals(List.of(new Item(9998, "item 9998", LocalDate.of(2024, 1, 1).plusDays(9998), new BigDecimal("14997.00")),
                    new Item(9999, "item 9999", LocalDate.of(2024, 1, 1).plusDays(9999), new BigDecimal("14998.50"))),
                    items.toList());
        }
        assertEquals(0, db.openConnections());
    }

    @Test
    void columnsTheQueryDidNotSelectReadAsNullOrZero() {
        CallContext ctx = CallContext.builder().build();
        try (Stream<Item> items = JdbcQuery.stream(ctx, db, Sql.of("SELECT name FROM items WHERE id = ?", 7),
                JdbcQueryTest::item)) {
            assertEquals(List.of(new Item(0, "item 7", null, null)), items.toList());
        }
    }

    @Test
    void aStreamClosedBeforeItsEndClosesTheConnection() {
        CallContext ctx = CallContext.builder().build();
        try (Stream<Item> items = JdbcQuery.stream(ctx, db, Sql.of("SELECT * FROM items"), JdbcQueryTest::item)) {
            assertEquals(3, items.limit(3).count());
        }
        assertEquals(0, db.openConnections());
    }

    @Test
    void aFailingMapperFailsTheReadAndTheCloseStillFreesEverything() {
        CallContext ctx = CallContext.builder().build();
        Stream<Item> items = JdbcQuery.stream(ctx, db, Sql.of("SELECT * FROM items"), row -> {
            throw new IllegalStateException("bad row " + row.getLong("id"));
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, items::toList);
        assertEquals("bad row 0", e.getMessage());
        items.close();
        assertEquals(0, db.openConnections());
    }

    @Test
    void aBadQueryIsCommandFailedNamingTheFunctionAndLeavesNothingOpen() {
        CallContext ctx = CallContext.builder().functionName("Items").build();
        FlexFunException e = assertThrows(FlexFunException.class,
                () -> JdbcQuery.stream(ctx, db, Sql.of("SELECT nope FROM items"), JdbcQueryTest::item));
        assertEquals(ErrorCode.COMMAND_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("The query of 'Items' failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        assertEquals(0, db.openConnections());
    }

    @Test
    void valuesAreBoundNotSpliced() {
        CallContext ctx = CallContext.builder().build();
        try (Stream<Item> items = JdbcQuery.stream(ctx, db, Sql.of("SELECT * FROM items WHERE name = ?", "x' OR 1=1 --"),
                JdbcQueryTest::item)) {
            assertEquals(0, items.count());
        }
    }

    @Test
    void cancellingTheCallCancelsTheRunningStatement() throws Exception {
        try (DuckDb own = new DuckDb()) { // its own, so that its "executing" signal is this query's
            cancelRunningQuery(own);
        }
    }

    private static void cancelRunningQuery(DuckDb db) throws Exception {
        CancellationSignal cancellation = new CancellationSignal();
        CallContext ctx = CallContext.builder().functionName("Slow").cancellation(cancellation).build();
        // Minutes of work unless the statement is cancelled.
        Sql slow = Sql.of("SELECT count(*) AS n FROM range(?) a, range(?) b", 1_000_000_000L, 1_000_000_000L);
        CompletableFuture<List<Long>> call = CompletableFuture.supplyAsync(() -> {
            try (Stream<Long> rows = JdbcQuery.stream(ctx, db, slow, row -> row.getLong("n"))) {
                return rows.toList();
            }
        }, TestThreads.NEW_THREAD);
        assertTrue(db.executing.await(30, TimeUnit.SECONDS), "the query started");
        long cancelledAt = System.nanoTime();
        cancellation.cancel();
        ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(20, TimeUnit.SECONDS));
        long tookMs = (System.nanoTime() - cancelledAt) / 1_000_000;
        assertTrue(e.getCause() instanceof CallCancelledException, "was " + e.getCause());
        assertEquals("Call of 'Slow' was cancelled; its query was stopped.", e.getCause().getMessage());
        assertTrue(tookMs < 10_000, "the statement stopped " + tookMs + " ms after the cancel");
        assertEquals(0, db.openConnections());
    }

    @Test
    void aCallCancelledBeforeTheQueryOpensNoConnection() {
        CancellationSignal cancellation = new CancellationSignal();
        cancellation.cancel();
        CallContext ctx = CallContext.builder().cancellation(cancellation).build();
        AtomicInteger opened = new AtomicInteger();
        assertThrows(CallCancelledException.class, () -> JdbcQuery.open(ctx, () -> {
            opened.incrementAndGet();
            return db.open();
        }, Sql.of("SELECT 1")));
        assertEquals(0, opened.get());
    }

    @Test
    void closingTwiceIsHarmless() {
        JdbcQuery query = JdbcQuery.open(CallContext.builder().build(), db, Sql.of("SELECT 1 AS one"));
        query.close();
        query.close();
        assertEquals(0, db.openConnections());
    }

    @Test
    void rowsMatchLabelsCaseInsensitivelyAndKnowWhatWasSelected() throws SQLException {
        try (JdbcQuery query = JdbcQuery.open(CallContext.builder().build(), db, Sql.of("SELECT 1 AS One"))) {
            SqlRow row = new SqlRow(query.resultSet());
            assertTrue(query.resultSet().next());
            assertTrue(row.has("one"));
            assertEquals(1, row.getInt("ONE"));
            assertFalse(row.has("two"));
            assertNull(row.getString("two"));
        }
    }
}
