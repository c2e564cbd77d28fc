package dev.flexfun.server.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flexfun.runtime.CallContext;
import dev.flexfun.server.FlexFunServer;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightCallHeaders;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.HeaderCallOption;
import org.apache.arrow.flight.Ticket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every authentication case against the real FlexFunServer over Flight RPC on loopback, on each
 * served RPC (ListFlights, GetFlightInfo, DoGet, GetSchema).
 */
class TokenAuthenticationRpcTest {
    private static final String ENUMERATED = "authentication_method = \"token\"\n"
            + "[enumerated_tokens]\ntokens = [\"secret-1\", \"secret-2\"]\n";

    /** What the function saw of its call. */
    private final AtomicReference<CallContext> seen = new AtomicReference<>();
    private ServerHarness harness;

    @AfterEach
    void close() throws Exception {
        if (harness != null) {
            harness.close(); // fails on a leak
        }
    }

    private void serve(String serverToml, String extraSections) throws Exception {
        String toml = ServerHarness.BASE_TOML + serverToml + extraSections;
        harness = ServerHarness.start(FlexFunServer.builder()
                .settings(dev.flexfun.server.config.Settings.fromToml(toml, Map.of()))
                .function(TestFunction.sample("Who", ctx -> {
                    seen.set(ctx);
                    return new GeneratedResult(2, 10, true);
                })));
    }

    private static CallOption headers(Consumer<FlightCallHeaders> fill) {
        FlightCallHeaders headers = new FlightCallHeaders();
        fill.accept(headers);
        return new HeaderCallOption(headers);
    }

    private static CallOption bearer(String token) {
        return headers(h -> h.insert("authorization", "Bearer " + token));
    }

    /** The four served RPCs, each run with {@code auth}; DoGet reads a ticket obtained with {@code good}. */
    private Map<String, Executable> everyRpc(CallOption auth, CallOption good) {
        Ticket ticket = harness.call("Who", "{}", good).getEndpoints().get(0).getTicket();
        Map<String, Executable> rpcs = new LinkedHashMap<>();
        rpcs.put("ListFlights", () -> harness.client.listFlights(Criteria.ALL, auth).forEach(i -> { }));
        rpcs.put("GetFlightInfo", () -> harness.call("Who", "{}", auth));
        rpcs.put("DoGet", () -> {
            try (var stream = harness.client.getStream(ticket, auth)) {
                while (stream.next()) {
                    // drain
                }
            }
        });
        rpcs.put("GetSchema", () -> harness.client.getSchema(ServerHarness.command(
                ServerHarness.callJson("Who", "{}")), auth));
        return rpcs;
    }

    /** Every RPC is refused with {@code message}, in the shape pyarrow reads as FlightUnauthenticatedError. */
    private void assertRefusedEverywhere(CallOption auth, CallOption good, String message) {
        everyRpc(auth, good).forEach((rpc, call) -> {
            FlightRuntimeException e = assertThrows(FlightRuntimeException.class, call, rpc);
            assertEquals(FlightStatusCode.UNAUTHENTICATED, e.status().code(), rpc);
            assertEquals(message + ". Detail: Unauthenticated", e.status().description(), rpc);
            var trailers = e.status().metadata();
            assertEquals("5", trailers.get("x-arrow-status"), rpc);
            assertArrayEquals("Unauthenticated".getBytes(StandardCharsets.UTF_8),
                    trailers.getByte("x-arrow-status-detail-bin"), rpc);
            assertArrayEquals(message.getBytes(StandardCharsets.UTF_8), trailers.getByte("x-arrow-status-message-bin"),
                    rpc);
            assertFalse(trailers.containsKey("grpc-status-details-bin"), rpc + ": no ErrorInfo on auth errors");
        });
    }

    /** Every RPC succeeds with {@code auth}. */
    private void assertAcceptedEverywhere(CallOption auth) throws Throwable {
        for (Executable call : everyRpc(auth, auth).values()) {
            call.execute();
        }
        List<FlightInfo> infos = new ArrayList<>();
        harness.client.listFlights(Criteria.ALL, auth).forEach(infos::add);
        assertEquals(1, infos.size());
    }

    @Test
    void missingHeaderIsRefused() throws Exception {
        serve(ENUMERATED, "");
        assertRefusedEverywhere(headers(h -> { }), bearer("secret-1"),
                "Authentication header 'authorization' is missing; send 'authorization: Bearer <token>'.");
    }

    @Test
    void headerGivenTwiceIsRefused() throws Exception {
        serve(ENUMERATED, "");
        assertRefusedEverywhere(headers(h -> {
            h.insert("authorization", "Bearer secret-1");
            h.insert("authorization", "Bearer secret-1");
        }), bearer("secret-1"), "Authentication header 'authorization' must be given once, it was given 2 times.");
    }

    @Test
    void headerWithoutBearerPrefixIsRefused() throws Exception {
        serve(ENUMERATED, "");
        assertRefusedEverywhere(headers(h -> h.insert("authorization", "secret-1")), bearer("secret-1"),
                "Authentication header 'authorization' must have the form 'Bearer <token>'.");
    }

    @Test
    void unknownTokenIsRefused() throws Exception {
        serve(ENUMERATED, "");
        assertRefusedEverywhere(bearer("secret-3"), bearer("secret-1"), "Authentication token is not valid.");
    }

    @Test
    void rightTokenIsAcceptedAndTheFunctionSeesItsCallerButNotTheToken() throws Throwable {
        serve(ENUMERATED, "");
        assertAcceptedEverywhere(bearer("secret-2"));

        harness.call("Who", "{}", headers(h -> {
            h.insert("authorization", "Bearer secret-2");
            h.insert("x-custom", "visible");
        }));
        CallContext context = seen.get();
        assertEquals("token-" + TokenFingerprint.of("secret-2"), context.caller().orElseThrow().id());
        assertEquals(List.of("visible"), context.headers().get("x-custom"));
        assertFalse(context.headers().containsKey("authorization"), "headers: " + context.headers());
    }

    @Test
    void tokensFromTheEnvironmentVariableAreUsed() throws Throwable {
        var settings = dev.flexfun.server.config.Settings.fromToml(ServerHarness.BASE_TOML
                + "authentication_method = \"token\"\n",
                Map.of("GOODDATA_FLIGHT_ENUMERATED_TOKENS__TOKENS", "[\"from-env-1\",\"from-env-2\"]"));
        harness = ServerHarness.start(FlexFunServer.builder().settings(settings)
                .function(TestFunction.sample("Who", ctx -> new GeneratedResult(2, 10, true))));
        assertAcceptedEverywhere(bearer("from-env-2"));
        assertRefusedEverywhere(bearer("secret-1"), bearer("from-env-1"), "Authentication token is not valid.");
    }

    @Test
    void customHeaderCarriesTheRawTokenAndIsHiddenFromFunctions() throws Throwable {
        serve("token_header_name = \"X-FlexFun-Token\"\n" + ENUMERATED, "");
        CallOption custom = headers(h -> h.insert("x-flexfun-token", "secret-1"));
        assertAcceptedEverywhere(custom);
        assertFalse(seen.get().headers().containsKey("x-flexfun-token"), "headers: " + seen.get().headers());
        assertEquals("token-" + TokenFingerprint.of("secret-1"), seen.get().caller().orElseThrow().id());

        // The Bearer header does not count when a custom header is configured.
        assertRefusedEverywhere(bearer("secret-1"), custom,
                "Authentication header 'x-flexfun-token' is missing; send the token in it.");
        // The raw token is the whole value: with a Bearer prefix it is another (unknown) token.
        assertRefusedEverywhere(headers(h -> h.insert("x-flexfun-token", "Bearer secret-1")), custom,
                "Authentication token is not valid.");
    }

    @Test
    void customVerifierFromServiceLoaderSeesItsSettingsAndItsCallerReachesTheFunction() throws Throwable {
        serve("authentication_method = \"token\"\ntoken_verification = \"TestVerification\"\n",
                "[test_verifier]\ntenant = \"acme\"\n");
        assertAcceptedEverywhere(bearer("user:alice"));
        var caller = seen.get().caller().orElseThrow();
        assertEquals("alice", caller.id());
        assertEquals(Map.of("tenant", "acme"), caller.attributes());

        assertRefusedEverywhere(bearer("nobody"), bearer("user:bob"), "Authentication token is not valid.");
        assertRefusedEverywhere(bearer("boom"), bearer("user:bob"), "Authentication token could not be verified.");
    }

    @Test
    void withoutAuthenticationFunctionsHaveNoCallerAndStillDoNotSeeAnAuthorizationHeader() throws Exception {
        serve("", "");
        harness.call("Who", "{}", bearer("anything"));
        assertEquals(java.util.Optional.empty(), seen.get().caller());
        assertFalse(seen.get().headers().containsKey("authorization"));
    }
}
