package dev.flexfun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.impl.FlightServiceGrpc;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A request gRPC cannot parse (a PATH descriptor that is not UTF-8) never reaches our code: gRPC
 * answers it and logs through java.util.logging. That record must arrive in our SLF4J log (one JSON
 * line in production, not a multi-line stack trace on standard error) and the server must stay up.
 */
class MalformedRequestTest {
    /** GetFlightInfo with raw bytes: protobuf's builders refuse invalid UTF-8, so encode it by hand. */
    private static final MethodDescriptor<byte[], byte[]> RAW_GET_FLIGHT_INFO =
            MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(FlightServiceGrpc.SERVICE_NAME,
                            "GetFlightInfo"))
                    .setRequestMarshaller(new RawBytes()).setResponseMarshaller(new RawBytes()).build();
    /** FlightDescriptor{type: PATH, path: [0xC3 0x28]}: 0xC3 starts a two-byte UTF-8 sequence 0x28 cannot end. */
    private static final byte[] INVALID_UTF8_PATH = {0x08, 0x02, 0x1A, 0x02, (byte) 0xC3, 0x28};

    @Test
    void aRequestGrpcCannotParseIsLoggedThroughSlf4jAndTheServerStaysUp() throws Exception {
        Logger grpcLogger = (Logger) LoggerFactory.getLogger("io.grpc");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        grpcLogger.addAppender(lines);
        try (ServerHarness h = ServerHarness.start("", TestFunction.sample("Small",
                ctx -> new GeneratedResult(3, 3, true)))) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", h.server.port()).usePlaintext().build();
            try {
                StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(
                        channel, RAW_GET_FLIGHT_INFO, CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
                        INVALID_UTF8_PATH));
                assertEquals(Status.Code.UNKNOWN, e.getStatus().getCode(), e.toString());
            } finally {
                channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
            }
            assertEquals(3, h.read(h.call("Small", "{}")).size(), "the server still serves calls");
        } finally {
            grpcLogger.detachAppender(lines);
        }
        List<ILoggingEvent> errors = lines.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
        assertEquals(1, errors.size(), () -> "one record of the failure, through SLF4J: " + lines.list);
        assertTrue(errors.get(0).getThrowableProxy().getMessage().contains("Invalid protobuf byte sequence"),
                errors.get(0).getThrowableProxy().getMessage());
    }

    private static final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
