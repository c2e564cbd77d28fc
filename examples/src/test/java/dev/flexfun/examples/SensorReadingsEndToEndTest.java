package dev.flexfun.examples;

import static dev.flexfun.testkit.FlexFunAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.testkit.FlexFunTestServer;
import dev.flexfun.testkit.StreamSummary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Millions of rows through the real server: sent in batches, within bounded memory. */
class SensorReadingsEndToEndTest {
    private static final long ROWS = 3_000_000;
    private static final int BATCH = 65_536;

    /** One server per test, so that its peak memory is this test's. */
    @RegisterExtension
    final FlexFunTestServer server = FlexFunTestServer.create().setting("flexfun.batch_size", BATCH);

    @Test
    void streamsMillionsOfRowsInBatchesWithBoundedMemory() {
        AtomicLong idSum = new AtomicLong();
        StreamSummary summary = server.stream("SensorReadings", Map.of("rows", ROWS), batch -> {
            BigIntVector ids = (BigIntVector) batch.getVector("id");
            for (int i = 0; i < batch.getRowCount(); i++) {
                idSum.addAndGet(ids.get(i));
            }
        });
        assertEquals(ROWS, summary.rows());
        assertEquals((ROWS + BATCH - 1) / BATCH, summary.batches());
        assertEquals(BATCH, summary.largestBatch());
        assertEquals(ROWS * (ROWS - 1) / 2, idSum.get(), "every id from 0 to rows-1 arrived once");
        // The whole result would need over 100 MB (3M rows x 36+ bytes); the server held a few batches.
        long peak = server.serverPeakMemory();
        assertTrue(peak < 32L << 20, "server peak memory " + peak + " bytes");
    }

    @Test
    void smallCallsReadBackAsRecords() {
        List<SensorReading> readings = server.call("SensorReadings", Map.of("rows", 3), SensorReading.class);
        assertEquals(SensorReadingsFunction.reading(2), readings.get(2));
    }

    @Test
    void aNegativeRowCountIsABadArgument() {
        assertFails(ErrorCode.BAD_ARGUMENT, "'rows' must be 0 or more", () -> server.call("SensorReadings",
                Map.of("rows", -5)));
    }
}
