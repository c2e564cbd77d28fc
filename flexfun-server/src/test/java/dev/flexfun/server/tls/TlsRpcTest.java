package dev.flexfun.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flexfun.server.FlexFunServer;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The TLS / mTLS matrix against the real FlexFunServer over Flight RPC on loopback, with the
 * certificates in src/test/resources/tls (server certificate for localhost and 127.0.0.1).
 */
class TlsRpcTest {
    private ServerHarness harness;
    private final List<FlightClient> clients = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (FlightClient client : clients) {
            client.close();
        }
        if (harness != null) {
            harness.close(); // fails on a leak
        }
    }

    static String resource(String name) {
        return "@" + Path.of("src/test/resources/tls", name).toAbsolutePath();
    }

    private static InputStream open(String name) throws Exception {
        return Files.newInputStream(Path.of("src/test/resources/tls", name));
    }

    private void serve(String tlsToml) throws Exception {
        harness = ServerHarness.start(FlexFunServer.builder().settings(ServerHarness.settings(tlsToml))
                .function(TestFunction.sample("Sample", ctx -> new GeneratedResult(3, 2, true))));
    }

    private static String tls() {
        return "use_tls = true\ntls_certificate = \"" + resource("server.pem") + "\"\ntls_private_key = \""
                + resource("server-key.pem") + "\"\n";
    }

    private static String mtls() {
        return tls() + "use_mtls = true\ntls_root_certificate = \"" + resource("ca.pem") + "\"\n";
    }

    private FlightClient.Builder tlsClient() throws Exception {
        return FlightClient.builder(harness.clientAllocator, Location.forGrpcTls("127.0.0.1", harness.server.port()))
                .trustedCertificates(open("ca.pem"));
    }

    /** ListFlights, then a whole two-step call; returns the function names and the rows read. */
    private String call(FlightClient.Builder builder) throws Exception {
        FlightClient client = builder.build();
        clients.add(client);
        List<String> names = new ArrayList<>();
        client.listFlights(Criteria.ALL).forEach(info -> names.add(new String(info.getDescriptor().getCommand())));
        FlightInfo info = client.getInfo(ServerHarness.command(ServerHarness.callJson("Sample", "{}")));
        assertEquals("grpc+tls://127.0.0.1:" + harness.server.port(),
                info.getEndpoints().get(0).getLocations().get(0).getUri().toString());
        long rows = 0;
        try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
            while (stream.next()) {
                rows += stream.getRoot().getRowCount();
            }
        }
        return names + " " + rows;
    }

    private static final String SERVED = "[{\"functionName\":\"Sample\",\"metadata\":null}] 3";

    @Test
    void tlsCallSucceedsAndTheAdvertisedLocationIsGrpcTls() throws Exception {
        serve(tls());
        assertEquals(SERVED, call(tlsClient()));
        assertEquals("grpc+tls://127.0.0.1:" + harness.server.port(), harness.server.advertisedLocation().getUri().toString());
    }

    @Test
    void tlsWithInlinePemSucceeds() throws Exception {
        String certificate = Files.readString(Path.of("src/test/resources/tls/server.pem"));
        String key = Files.readString(Path.of("src/test/resources/tls/server-key.pem"));
        serve("use_tls = true\ntls_certificate = '''" + certificate + "'''\ntls_private_key = '''" + key + "'''\n");
        assertEquals(SERVED, call(tlsClient()));
    }

    @Test
    void plaintextClientAgainstTlsServerFails() throws Exception {
        serve(tls());
        assertThrows(FlightRuntimeException.class, () -> call(
                FlightClient.builder(harness.clientAllocator, Location.forGrpcInsecure("127.0.0.1", harness.server.port()))));
    }

    @Test
    void clientNotTrustingTheServersCaFails() throws Exception {
        serve(tls());
        assertThrows(FlightRuntimeException.class, () -> call(
                FlightClient.builder(harness.clientAllocator, Location.forGrpcTls("127.0.0.1", harness.server.port()))
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
        assertEquals(SERVED, call(tlsClient().clientCertificate(open("client.pem"), open("client-key.pem"))));
    }
}
