package dev.flexfun.benchmarks;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The small-call baseline: the transport alone. A bare Arrow Flight server whose GetFlightInfo
 * answers at once (the ticket is the command) and whose DoGet writes the six sample rows on the
 * gRPC thread, with none of FlexFun's work (no command parsing, task pool, execution context,
 * result handles, logs, metrics, tracing). What FlexFun adds per small call is measured against it.
 *
 * <pre>BareFlightServer  (port from GOODDATA_FLIGHT_SERVER__LISTEN_PORT, host 127.0.0.1)</pre>
 */
public final class BareFlightServer {
    private BareFlightServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv("GOODDATA_FLIGHT_SERVER__LISTEN_PORT"));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        try (BufferAllocator allocator = new RootAllocator();
                FlightServer server = FlightServer.builder(allocator, Location.forGrpcInsecure(ServerProcess.HOST, port),
                        new SixRows(allocator)).build()) {
            server.start();
            stop.await();
        }
    }

    private static final class SixRows extends NoOpFlightProducer {
        private final BufferAllocator allocator;

        SixRows(BufferAllocator allocator) {
            this.allocator = allocator;
        }

        @Override
        public void listFlights(CallContext context, Criteria criteria, StreamListener<FlightInfo> listener) {
            listener.onNext(new FlightInfo(HandWrittenSampleFunction.SCHEMA,
                    FlightDescriptor.command(SmallSampleFunction.NAME.getBytes()), List.of(), -1, -1));
            listener.onCompleted();
        }

        @Override
        public FlightInfo getFlightInfo(CallContext context, FlightDescriptor descriptor) {
            FlightEndpoint endpoint = new FlightEndpoint(new Ticket(descriptor.getCommand()));
            return new FlightInfo(HandWrittenSampleFunction.SCHEMA, descriptor, List.of(endpoint), -1, -1);
        }

        @Override
        public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
            try (VectorSchemaRoot root = VectorSchemaRoot.create(HandWrittenSampleFunction.SCHEMA, allocator)) {
                listener.start(root);
                new FairHandWrittenWriter().write(SmallSampleFunction.ROWS, root, SmallSampleFunction.ROWS.size(),
                        batch -> listener.putNext());
                listener.completed();
            }
        }
    }
}
