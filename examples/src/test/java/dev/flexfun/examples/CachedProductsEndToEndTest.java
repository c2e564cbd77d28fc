package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.testkit.FlexFunTestServer;
import dev.flexfun.testkit.StreamSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The kept table over Flight RPC: concurrent readers, no copy per reader, and a clean stop (the kit
 * fails the test if the @OnShutdown hook did not give the memory back).
 */
@Timeout(120)
class CachedProductsEndToEndTest {
    private static final int ROWS = 200_000;
    private static final int BATCH_ROWS = 50_000;
    private static final int READERS = 4;

    private static FlexFunTestServer server() {
        return FlexFunTestServer.create().setting("cached_products.rows", ROWS)
                .setting("cached_products.batch_rows", BATCH_ROWS).start();
    }

    @Test
    void concurrentReadersGetTheWholeTableWithoutACopyEach() throws Exception {
        AtomicLong mostAboveKept = new AtomicLong();
        long kept;
        try (FlexFunTestServer server = server()) {
            kept = CachedProductsFunction.keptBytes();
            assertTrue(kept > 0, "loaded by the @OnLoad hook");
            long atRest = server.serverMemory(); // the table as allocated, no call running
            ExecutorService readers = Executors.newFixedThreadPool(READERS);
            try {
                List<Future<long[]>> reads = new ArrayList<>();
                for (int i = 0; i < READERS; i++) {
                    reads.add(readers.submit(() -> {
                        long[] idSum = {0};
                        StreamSummary summary = server.stream("CachedProducts", Map.of(), batch -> {
                            BigIntVector id = (BigIntVector) batch.getVector("product_id");
                            for (int r = 0; r < batch.getRowCount(); r++) {
                                idSum[0] += id.get(r);
                            }
                            mostAboveKept.accumulateAndGet(server.serverMemory() - atRest, Math::max);
                        });
                        return new long[] {summary.rows(), summary.batches(), idSum[0]};
                    }));
                }
                for (Future<long[]> read : reads) {
                    long[] got = read.get(60, TimeUnit.SECONDS);
                    assertEquals(ROWS, got[0]);
                    assertEquals(ROWS / BATCH_ROWS, got[1], "the kept batches as they are");
                    assertEquals((long) ROWS * (ROWS - 1) / 2, got[2], "every product once");
                }
            } finally {
                readers.shutdownNow();
            }
        } // closing runs @OnShutdown; the kit fails here if the table's memory was not given back
        assertEquals(0, CachedProductsFunction.keptBytes(), "the @OnShutdown hook let go of the table");
        // A copy per reader would add at least one batch (a quarter of the table) per reader in flight.
        long table = kept;
        assertTrue(mostAboveKept.get() < table / 8,
                () -> "server memory beyond the kept table: " + mostAboveKept.get() + " bytes; table: " + table);
    }

    @Test
    void theColumnsHintTrimsTheKeptTable() {
        try (FlexFunTestServer server = server()) {
            List<Map<String, Object>> rows = server.call("CachedProducts", Map.of("columns", List.of("price")));
            assertEquals(ROWS, rows.size());
            assertEquals(Map.of("price", 1.0), rows.get(0));
            assertEquals(Map.of("price", 2.0), rows.get(100));
        }
    }
}
