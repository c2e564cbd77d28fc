package dev.flexfun.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** config/production/server.toml is a configuration the server accepts, and advertises a TLS address. */
class ProductionExampleTest {
    private static final Path PRODUCTION = Path.of("..", "config", "production", "server.toml");

    @Test
    void theProductionExampleIsValidOnceItsFilesAndTokensExist() {
        // What the server checks at startup, with the TLS paths pointed at this module's test files.
        Settings settings = Settings.load(List.of(PRODUCTION), Map.of(
                "GOODDATA_FLIGHT_SERVER__TLS_CERTIFICATE", "@src/test/resources/tls/server.pem",
                "GOODDATA_FLIGHT_SERVER__TLS_PRIVATE_KEY", "@src/test/resources/tls/server-key.pem",
                "GOODDATA_FLIGHT_ENUMERATED_TOKENS__TOKENS", "[\"t1\"]"));
        assertEquals("0.0.0.0", settings.server().listenHost());
        assertTrue(settings.server().useTls());
        assertEquals("token", settings.server().authenticationMethod());
        assertEquals(List.of(), settings.warnings(), "every key of the example is a known setting");
    }

    @Test
    void theAdvertisedAddressIsReadWithoutTheTlsFiles() {
        // The files named in the example do not exist here: the address needs none of them.
        assertEquals("grpc+tls://flexfun.example.com:17001",
                AdvertisedAddress.url(SettingsTree.load(List.of(PRODUCTION), Map.of()).path("server")));
    }

    @Test
    void aLoopbackServerAdvertisesItsListenAddressAndThePortFollowsListenPort() {
        assertEquals("grpc://127.0.0.1:18000", AdvertisedAddress.url(SettingsTree.load(List.of(), Map.of(
                "GOODDATA_FLIGHT_SERVER__LISTEN_PORT", "18000")).path("server")));
        assertEquals("grpc://a.example:443", AdvertisedAddress.url(SettingsTree.load(List.of(), Map.of(
                "GOODDATA_FLIGHT_SERVER__ADVERTISE_HOST", "a.example",
                "GOODDATA_FLIGHT_SERVER__ADVERTISE_PORT", "443")).path("server")));
    }
}
