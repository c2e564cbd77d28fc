package dev.flexfun.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TLS / mTLS matrix over real Flight RPC on loopback, with the certificates in src/test/resources/tls. */
class TlsRpcTest {
    private BufferAllocator allocator;
    private FlightServer server;
    private final List<FlightClient> clients = new ArrayList<>();

    @BeforeEach
    void allocator() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() throws Exception {
        for (FlightClient client : clients) {
            client.close();
        }
        if (server != null) {
            server.shutdown();
            server.awaitTermination();
            server.close();
        }
        allocator.close();
    }

    static String resource(String name) {
        return "@" + Path.of("src/test/resources/tls", name).toAbsolutePath();
    }

    private static InputStream open(String name) throws Exception {
        return Files.newInputStream(Path.of("src/test/resources/tls", name));
    }

    /** Answers ListFlights with one flight named "ok". */
    static final class OkProducer extends NoOpFlightProducer {
        @Override
        public void listFlights(FlightProducer.CallContext context, Criteria criteria,
                StreamListener<FlightInfo> listener) {
            listener.onNext(new FlightInfo(new Schema(List.of()), FlightDescriptor.path("ok"), List.of(), -1, -1));
            listener.onCompleted();
        }
    }

    private void serve(TlsMaterial tls) throws Exception {
        FlightServer.Builder builder = FlightServer.builder(allocator, Location.forGrpcTls("localhost", 0), new OkProducer());
        server = tls.applyTo(builder).build().start();
    }

    private FlightClient.Builder tlsClient() throws Exception {
        return FlightClient.builder(allocator, Location.forGrpcTls("localhost", server.getPort()))
                .trustedCertificates(open("ca.pem"));
    }

    private String call(FlightClient.Builder builder) {
        FlightClient client = builder.build();
        clients.add(client);
        List<String> names = new ArrayList<>();
        client.listFlights(Criteria.ALL).forEach(info -> names.add(info.getDescriptor().getPath().get(0)));
        return String.join(",", names);
    }

    private static TlsMaterial tls() {
        return TlsMaterial.of(resource("server.pem"), resource("server-key.pem"), false, null);
    }

    private static TlsMaterial mtls() {
        return TlsMaterial.of(resource("server.pem"), resource("server-key.pem"), true, resource("ca.pem"));
    }

    @Test
    void tlsCallSucceeds() throws Exception {
        serve(tls());
        assertEquals("ok", call(tlsClient()));
    }

    @Test
    void tlsWithInlinePemSucceeds() throws Exception {
        serve(TlsMaterial.of(Files.readString(Path.of("src/test/resources/tls/server.pem")),
                Files.readString(Path.of("src/test/resources/tls/server-key.pem")), false, null));
        assertEquals("ok", call(tlsClient()));
    }

    @Test
    void plaintextClientAgainstTlsServerFails() throws Exception {
        serve(tls());
        assertThrows(FlightRuntimeException.class,
                () -> call(FlightClient.builder(allocator, Location.forGrpcInsecure("localhost", server.getPort()))));
    }

    @Test
    void clientNotTrustingTheServersCaFails() throws Exception {
        serve(tls());
        assertThrows(FlightRuntimeException.class, () -> call(
                FlightClient.builder(allocator, Location.forGrpcTls("localhost", server.getPort()))
                        .trustedCertificates(open("other-ca.pem"))));
    }

    @Test
    void mtlsWithoutClientCertificateFails() throws Exception {
        serve(mtls());
        assertThrows(FlightRuntimeException.class, () -> call(tlsClient()));
    }

    @Test
    void mtlsWithForeignClientCertificateFails() throws Exception {
        serve(mtls());
        assertThrows(FlightRuntimeException.class, () -> call(
                tlsClient().clientCertificate(open("foreign-client.pem"), open("foreign-client-key.pem"))));
    }

    @Test
    void mtlsWithTheRightClientCertificateSucceeds() throws Exception {
        serve(mtls());
        assertEquals("ok", call(tlsClient().clientCertificate(open("client.pem"), open("client-key.pem"))));
    }
}
