package dev.flexfun.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flexfun.server.fixtures.SampleSchema;
import io.grpc.netty.NettyServerBuilder;
import io.netty.channel.epoll.Epoll;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/**
 * Both transports {@link NettyTransport#create()} may pick (native epoll on Linux, Java NIO elsewhere,
 * e.g. a developer's Mac) carry zero-copy batches, the kind {@link DirectWrites} rewrites, over a real
 * socket byte for byte; every buffer is given back (the allocators' close fails the test on a leak).
 */
class TransportsTest {
    private static final int BATCHES = 5;
    private static final int BATCH_ROWS = 20_000;

    @Test
    void javaNioCarriesZeroCopyBatchesIntact() throws Exception {
        sendAndCompare(NettyTransport::nio);
    }

    @Test
    void nativeEpollCarriesZeroCopyBatchesIntact() throws Exception {
        assumeTrue(Epoll.isAvailable(), "native epoll is not available here");
        sendAndCompare(NettyTransport::epoll);
    }

    private static void sendAndCompare(Supplier<NettyTransport> transports) throws Exception {
        List<String> sent = new ArrayList<>();
        List<String> received = new ArrayList<>();
        try (RootAllocator serverMemory = new RootAllocator(); RootAllocator clientMemory = new RootAllocator()) {
            NettyTransport transport = transports.get();
            try (FlightServer server = FlightServer.builder(serverMemory, Location.forGrpcInsecure("127.0.0.1", 0),
                            new FreshBuffersPerBatch(serverMemory, sent))
                    .transportHint("grpc.builderConsumer", (Consumer<NettyServerBuilder>) transport::applyTo)
                    .build().start();
                    FlightClient client = FlightClient.builder(clientMemory,
                            Location.forGrpcInsecure("127.0.0.1", server.getPort())).build();
                    FlightStream stream = client.getStream(new Ticket(new byte[] {1}))) {
                while (stream.next()) {
                    received.add(stream.getRoot().contentToTSVString());
                }
            } finally {
                transport.close();
            }
        }
        assertEquals(BATCHES, sent.size());
        assertEquals(sent, received);
    }

    /** Sends each batch from buffers of its own, without a copy, as a kept result is sent. */
    private static final class FreshBuffersPerBatch extends NoOpFlightProducer {
        private final BufferAllocator allocator;
        private final List<String> sent;

        FreshBuffersPerBatch(BufferAllocator allocator, List<String> sent) {
            this.allocator = allocator;
            this.sent = sent;
        }

        @Override
        public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
            try (VectorSchemaRoot root = VectorSchemaRoot.create(SampleSchema.SCHEMA, allocator)) {
                listener.setUseZeroCopy(true);
                listener.start(root);
                for (int b = 0; b < BATCHES; b++) {
                    root.clear(); // the last batch's buffers stay with its message until sent; these are new
                    SampleSchema.fill(root, (long) b * BATCH_ROWS, BATCH_ROWS);
                    sent.add(root.contentToTSVString());
                    listener.putNext();
                }
            }
            listener.completed();
        }
    }
}
