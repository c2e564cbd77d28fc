package dev.flexfun.server.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexfun.server.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command run as the wrapper script runs it, with settings files on disk. */
class DataSourcePayloadCommandTest {
    private static final Path TEST_CA = Path.of("src/test/resources/tls/ca.pem");
    private static final Path PRODUCTION = Path.of("..", "config", "production", "server.toml");

    private record Outcome(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Outcome run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DataSourcePayloadCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void urlFromTheAdvertiseSettingsWithTlsAndCa(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("server.toml");
        // The TLS files do not exist here: the command does not need them, only the URL.
        Files.writeString(config, """
                [server]
                listen_port = 17001
                advertise_host = "flexfun.example.com"
                advertise_port = 443
                use_tls = true
                tls_certificate = "@/nowhere/server.pem"
                tls_private_key = "@/nowhere/server-key.pem"
                authentication_method = "token"
                """);
        Outcome outcome = run(Map.of(), "--ca", TEST_CA.toString(), config.toString());
        assertEquals(0, outcome.code(), outcome.err());
        JsonNode attributes = outcome.json().at("/data/attributes");
        assertEquals("grpc+tls://flexfun.example.com:443", attributes.get("url").asText());
        assertEquals(DataSourcePayloadCommand.TOKEN_PLACEHOLDER, attributes.get("token").asText());
        assertTrue(outcome.err().contains("replace the token placeholder"), outcome.err());
        assertEquals(Files.readString(TEST_CA), new String(Base64.getDecoder().decode(
                attributes.at("/parameters/0/value").asText()), StandardCharsets.US_ASCII));
    }

    @Test
    void envOverridesWinAndTheTokenComesFromAFile(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("server.toml");
        Files.writeString(config, "[server]\nadvertise_host = \"from-file\"\nlisten_port = 18000\n");
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "s3cret\n");
        Outcome outcome = run(Map.of("GOODDATA_FLIGHT_SERVER__ADVERTISE_HOST", "from-env"),
                "--token-file", tokenFile.toString(), "--type", "FLEXCONNECT", config.toString());
        assertEquals(0, outcome.code(), outcome.err());
        JsonNode attributes = outcome.json().at("/data/attributes");
        assertEquals("grpc://from-env:18000", attributes.get("url").asText(), "advertise_port defaults to listen_port");
        assertEquals("s3cret", attributes.get("token").asText());
        assertEquals("FLEXCONNECT", attributes.get("type").asText());
    }

    @Test
    void severalUrlsGiven() throws Exception {
        Outcome outcome = run(Map.of(), "--url", "grpc://a:17001", "--url", "grpc://b:17001");
        assertEquals(0, outcome.code(), outcome.err());
        JsonNode attributes = outcome.json().at("/data/attributes");
        assertEquals("grpc://a:17001;grpc://b:17001", attributes.get("url").asText());
        assertEquals("round-robin", attributes.at("/parameters/0/value").asText());
        assertFalse(attributes.has("token"), "no authentication configured, no token given");
    }

    @Test
    void theProductionExampleGivesATlsUrl() throws Exception {
        Outcome outcome = run(Map.of(), PRODUCTION.toString());
        assertEquals(0, outcome.code(), outcome.err());
        assertEquals("grpc+tls://flexfun.example.com:17001", outcome.json().at("/data/attributes/url").asText());
    }

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
    void badUsageAndMissingFiles() {
        Outcome unknown = run(Map.of(), "--frobnicate");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Unknown option --frobnicate"), unknown.err());
        Outcome missingCa = run(Map.of(), "--ca", "/nowhere/ca.pem");
        assertEquals(1, missingCa.code());
        assertTrue(missingCa.err().contains("/nowhere/ca.pem"), missingCa.err());
        Outcome missingConfig = run(Map.of(), "/nowhere/server.toml");
        assertEquals(1, missingConfig.code());
        assertTrue(missingConfig.err().contains("does not exist"), missingConfig.err());
    }
}
