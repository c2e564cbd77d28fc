package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.testkit.FlexFunTestServer;
import dev.flexfun.testkit.StreamSummary;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Large reads of {@code Orders}: the whole table streams in bounded memory, and a client that stops
 * reading after the first batch gets its statement and connection closed and its Arrow memory freed
 * (the test kit fails the class if the server leaked any).
 */
@Timeout(120)
class OrdersStreamingEndToEndTest {
    private static final int BATCH = 65_536;

    @RegisterExtension
    static final FlexFunTestServer server = FlexFunTestServer.create().setting("flexfun.batch_size", BATCH);

    @Test
    void theWholeTableStreamsInBoundedMemory() {
        StreamSummary summary = server.stream("Orders", OrdersEndToEndTest.parameters(""), batch -> { });
        assertEquals(OrdersDatabase.DEFAULT_ROWS, summary.rows());
        assertEquals(BATCH, summary.largestBatch());
        // The result is about 50 MB of Arrow data (1M rows x ~50 bytes); the server holds a batch or two.
        long peak = server.serverPeakMemory();
        System.out.printf("Orders, %d rows: server peak Arrow memory %.1f MB%n", summary.rows(), peak / 1e6);
        assertTrue(peak < 16L << 20, "server peak memory " + peak + " bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Orders", "OrdersArrow"})
    void aClientThatStopsReadingFreesTheStatementAndConnection(String function) throws InterruptedException {
        AtomicInteger batches = new AtomicInteger();
        IllegalStateException stop = assertThrows(IllegalStateException.class,
                () -> server.stream(function, OrdersEndToEndTest.parameters(""), batch -> {
                    batches.incrementAndGet();
                    throw new IllegalStateException("the client stops reading");
                }));
        assertEquals("the client stops reading", stop.getMessage());
        assertEquals(1, batches.get());
        // Closing the unread stream cancels it; the server closes the result, which closes the query.
        assertTrue(OrdersDatabase.awaitIdle(Duration.ofSeconds(30)),
                "connections still open: " + OrdersDatabase.openConnections());
    }
}
