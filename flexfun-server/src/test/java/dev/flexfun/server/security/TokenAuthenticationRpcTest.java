package dev.flexfun.server.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightCallHeaders;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.HeaderCallOption;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every authentication case over real Flight RPC on loopback. */
class TokenAuthenticationRpcTest {
    private BufferAllocator allocator;
    private FlightServer server;
    private FlightClient client;

    @BeforeEach
    void allocator() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.shutdown();
            server.awaitTermination();
            server.close();
        }
        allocator.close(); // throws on a leak
    }

    private void serve(TokenVerifier verifier, String tokenHeaderName) throws Exception {
        FlightServer.Builder builder = FlightServer.builder(allocator, Location.forGrpcInsecure("127.0.0.1", 0),
                new CallerEchoProducer());
        TokenAuthInterceptor.install(builder, new TokenAuthenticator(verifier, tokenHeaderName));
        server = builder.build().start();
        client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", server.getPort())).build();
    }

    private void serveEnumerated(String tokenHeaderName) throws Exception {
        serve(new EnumeratedTokenVerification(List.of("secret-1", "secret-2")), tokenHeaderName);
    }

    private static CallOption headers(Consumer<FlightCallHeaders> fill) {
        FlightCallHeaders headers = new FlightCallHeaders();
        fill.accept(headers);
        return new HeaderCallOption(headers);
    }

    private List<String> list(CallOption... options) {
        List<FlightInfo> infos = new ArrayList<>();
        client.listFlights(Criteria.ALL, options).forEach(infos::add);
        assertEquals(1, infos.size());
        return infos.get(0).getDescriptor().getPath();
    }

    private FlightRuntimeException refused(CallOption... options) {
        FlightRuntimeException e = assertThrows(FlightRuntimeException.class, () -> list(options));
        assertEquals(FlightStatusCode.UNAUTHENTICATED, e.status().code());
        return e;
    }

    private static void assertArrowTrailers(FlightRuntimeException e, String message) {
        assertEquals("5", e.status().metadata().get("x-arrow-status"));
        assertArrayEquals("Unauthenticated".getBytes(StandardCharsets.UTF_8),
                e.status().metadata().getByte("x-arrow-status-detail-bin"));
        assertArrayEquals(message.getBytes(StandardCharsets.UTF_8),
                e.status().metadata().getByte("x-arrow-status-message-bin"));
        assertEquals(false, e.status().metadata().containsKey("grpc-status-details-bin"), "no ErrorInfo on auth errors");
        assertEquals(message + ". Detail: Unauthenticated", e.status().description());
    }

    @Test
    void missingHeaderIsRefused() throws Exception {
        serveEnumerated(null);
        assertArrowTrailers(refused(),
                "Authentication header 'authorization' is missing; send 'authorization: Bearer <token>'.");
    }

    @Test
    void headerGivenTwiceIsRefused() throws Exception {
        serveEnumerated(null);
        FlightRuntimeException e = refused(headers(h -> {
            h.insert("authorization", "Bearer secret-1");
            h.insert("authorization", "Bearer secret-1");
        }));
        assertArrowTrailers(e, "Authentication header 'authorization' must be given once, it was given 2 times.");
    }

    @Test
    void headerWithoutBearerPrefixIsRefused() throws Exception {
        serveEnumerated(null);
        FlightRuntimeException e = refused(headers(h -> h.insert("authorization", "secret-1")));
        assertArrowTrailers(e, "Authentication header 'authorization' must have the form 'Bearer <token>'.");
    }

    @Test
    void unknownTokenIsRefused() throws Exception {
        serveEnumerated(null);
        FlightRuntimeException e = refused(headers(h -> h.insert("authorization", "Bearer secret-3")));
        assertArrowTrailers(e, "Authentication token is not valid.");
    }

    @Test
    void knownTokenIsAcceptedAndItsCallerReachesTheProducer() throws Exception {
        serveEnumerated(null);
        List<String> path = list(headers(h -> h.insert("authorization", "Bearer secret-2")));
        String expectedId = "token-" + TokenFingerprint.of("secret-2");
        assertEquals(List.of(expectedId, expectedId, "{}"), path);
    }

    @Test
    void bearerSchemeIsCaseInsensitive() throws Exception {
        serveEnumerated(null);
        List<String> path = list(headers(h -> h.insert("authorization", "bearer secret-1")));
        assertEquals("token-" + TokenFingerprint.of("secret-1"), path.get(0));
    }

    @Test
    void customHeaderCarriesTheRawToken() throws Exception {
        serveEnumerated("X-FlexFun-Token");
        List<String> path = list(headers(h -> h.insert("x-flexfun-token", "secret-1")));
        assertEquals("token-" + TokenFingerprint.of("secret-1"), path.get(0));

        // The Bearer header does not count when a custom header is configured.
        FlightRuntimeException e = refused(headers(h -> h.insert("authorization", "Bearer secret-1")));
        assertArrowTrailers(e, "Authentication header 'x-flexfun-token' is missing; send the token in it.");
        // The raw token is the whole value: a Bearer prefix makes it a different (unknown) token.
        assertArrowTrailers(refused(headers(h -> h.insert("x-flexfun-token", "Bearer secret-1"))),
                "Authentication token is not valid.");
    }

    @Test
    void customVerifierFoundByNameSeesItsSettingsAndItsCallerReachesTheProducer() throws Exception {
        TokenVerifier verifier = TokenVerifiers.load("TestVerification",
                TestServerContext.of("{\"test_verifier\":{\"tenant\":\"acme\"}}"), getClass().getClassLoader());
        serve(verifier, null);

        assertEquals(List.of("alice", "alice", "{tenant=acme}"),
                list(headers(h -> h.insert("authorization", "Bearer user:alice"))));
        assertArrowTrailers(refused(headers(h -> h.insert("authorization", "Bearer nobody"))),
                "Authentication token is not valid.");
        assertArrowTrailers(refused(headers(h -> h.insert("authorization", "Bearer boom"))),
                "Authentication token could not be verified.");
    }
}
