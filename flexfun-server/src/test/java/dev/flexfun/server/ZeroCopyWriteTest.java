package dev.flexfun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.Test;

/**
 * Results refill the same vectors for every batch (the generated writers and the adapters do), which
 * is only safe while Flight copies a batch into its gRPC message on {@code putNext}. With zero-copy
 * writes the message would point at buffers the next batch overwrites before they are sent.
 */
class ZeroCopyWriteTest {
    private static final int BATCHES = 200;
    private static final int BATCH = 500;

    @Test
    void flightCopiesBatchesOnPutNext() throws Exception {
        // ArrowMessage is package-private; its flag is read from arrow.flight.enable_zero_copy_write (or the
        // ARROW_FLIGHT_ENABLE_ZERO_COPY_WRITE variable). The server never asks a listener for zero copy.
        var flag = Class.forName("org.apache.arrow.flight.ArrowMessage").getField("ENABLE_ZERO_COPY_WRITE");
        flag.setAccessible(true);
        assertFalse(flag.getBoolean(null), "Flight's zero-copy writes are on: reused batch buffers would be sent"
                + " after the next batch overwrote them");
    }

    @Test
    void everyBatchArrivesAsItWasFilledThoughItsBuffersAreReused() throws Exception {
        try (ServerHarness h = ServerHarness.start("", TestFunction.sample("Reused",
                ctx -> new GeneratedResult((long) BATCHES * BATCH, BATCH, false)))) {
            FlightInfo info = h.call("Reused", "{}");
            long row = 0;
            try (FlightStream stream = h.client.getStream(info.getEndpoints().get(0).getTicket())) {
                while (stream.next()) {
                    BigIntVector fact3 = (BigIntVector) stream.getRoot().getVector("fact3");
                    for (int i = 0; i < stream.getRoot().getRowCount(); i++, row++) {
                        assertEquals(row, fact3.get(i), "row " + row + " was overwritten by a later batch");
                    }
                }
            }
            assertEquals((long) BATCHES * BATCH, row);
        }
    }
}
