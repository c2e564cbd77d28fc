package dev.flexfun.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flexfun.runtime.FlexResult;
import dev.flexfun.runtime.SharedBatches;
import dev.flexfun.server.fixtures.SampleSchema;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * A kept result (sent from its own buffers, through {@link DirectWrites}) arrives over Flight RPC
 * exactly as it was kept, read after read, and every buffer is given back: the allocators' close
 * fails the test on a leak.
 */
class KeptResultOverTheWireTest {
    private static final int BATCHES = 6;
    private static final int BATCH_ROWS = 10_000;

    @Test
    void everyReadOfAKeptTableArrivesAsItWasKept() throws Exception {
        List<String> expected = new ArrayList<>();
        try (RootAllocator keptMemory = new RootAllocator()) {
            SharedBatches table = keep(keptMemory, expected);
            try (ServerHarness h = ServerHarness.start("", TestFunction.sample("Kept", ctx -> FlexResult.shared(table)))) {
                for (int read = 0; read < 3; read++) {
                    assertEquals(expected, readBatches(h, h.call("Kept", "{}")), "read " + read);
                }
            } finally {
                table.close();
            }
        }
    }

    private static SharedBatches keep(RootAllocator allocator, List<String> expected) {
        SharedBatches.Builder kept = SharedBatches.builder(SampleSchema.SCHEMA, allocator);
        for (int b = 0; b < BATCHES; b++) {
            try (VectorSchemaRoot batch = VectorSchemaRoot.create(SampleSchema.SCHEMA, allocator)) {
                SampleSchema.fill(batch, (long) b * BATCH_ROWS, BATCH_ROWS);
                expected.add(batch.contentToTSVString());
                kept.add(batch);
            }
        }
        return kept.build();
    }

    private static List<String> readBatches(ServerHarness h, FlightInfo info) throws Exception {
        List<String> batches = new ArrayList<>();
        try (FlightStream stream = h.client.getStream(info.getEndpoints().get(0).getTicket())) {
            while (stream.next()) {
                batches.add(stream.getRoot().contentToTSVString());
            }
        }
        return batches;
    }
}
