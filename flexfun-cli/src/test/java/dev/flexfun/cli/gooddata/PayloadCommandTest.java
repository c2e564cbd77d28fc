package dev.flexfun.cli.gooddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexfun.cli.CliRun;
import dev.flexfun.cli.ExitCode;
import dev.flexfun.cli.fixtures.TestTls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code flexfun gooddata payload}, with settings files on disk as the server reads them. */
@Timeout(30)
class PayloadCommandTest {
    private static final Path PRODUCTION = Path.of("..", "config", "production", "server.toml");

    private static JsonNode json(CliRun.Result result) throws Exception {
        assertEquals(0, result.code(), result::toString);
        return new ObjectMapper().readTree(result.out());
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
        CliRun.Result result = CliRun.create().run("gooddata", "payload", "--ca", TestTls.file("ca.pem").toString(),
                config.toString());
        JsonNode attributes = json(result).at("/data/attributes");
        assertEquals("grpc+tls://flexfun.example.com:443", attributes.get("url").asText());
        assertEquals(PayloadOptions.TOKEN_PLACEHOLDER, attributes.get("token").asText());
        assertTrue(result.err().contains("replace the token placeholder"), result.err());
        assertEquals(Files.readString(TestTls.file("ca.pem")), new String(Base64.getDecoder().decode(
                attributes.at("/parameters/0/value").asText()), StandardCharsets.US_ASCII));
    }

    @Test
    void envOverridesWinAndTheTokenComesFromAFileOrAVariable(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("server.toml");
        Files.writeString(config, "[server]\nadvertise_host = \"from-file\"\nlisten_port = 18000\n");
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "s3cret\n");
        JsonNode attributes = json(CliRun.create().env("GOODDATA_FLIGHT_SERVER__ADVERTISE_HOST", "from-env")
                .run("gooddata", "payload", "--token-file", tokenFile.toString(), "--type", "FLEXCONNECT",
                        config.toString())).at("/data/attributes");
        assertEquals("grpc://from-env:18000", attributes.get("url").asText(), "advertise_port defaults to listen_port");
        assertEquals("s3cret", attributes.get("token").asText());
        assertEquals("FLEXCONNECT", attributes.get("type").asText());

        assertEquals("t0k3n", json(CliRun.create().env("DS_TOKEN", "t0k3n").run("gooddata", "payload",
                "--token-env", "DS_TOKEN", config.toString())).at("/data/attributes/token").asText());
    }

    @Test
    void theSettingsFolderComesFromTheEnvironmentWhenNoFileIsGiven(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.toml"), "[server]\nlisten_port = 18001\n");
        Files.writeString(dir.resolve("b.toml"), "[server]\nadvertise_host = \"b.example\"\n");
        JsonNode attributes = json(CliRun.create().env("FLEXFUN_CONFIG", dir.toString()).run("gooddata", "payload"))
                .at("/data/attributes");
        assertEquals("grpc://b.example:18001", attributes.get("url").asText());
    }

    @Test
    void severalUrlsGiven() throws Exception {
        JsonNode attributes = json(CliRun.create().run("gooddata", "payload", "--url", "grpc://a:17001", "--url",
                "grpc://b:17001")).at("/data/attributes");
        assertEquals("grpc://a:17001;grpc://b:17001", attributes.get("url").asText());
        assertEquals("round-robin", attributes.at("/parameters/0/value").asText());
        assertFalse(attributes.has("token"), "no authentication configured, no token given");
    }

    @Test
    void theProductionExampleGivesATlsUrl() throws Exception {
        assertEquals("grpc+tls://flexfun.example.com:17001", json(CliRun.create().run("gooddata", "payload",
                PRODUCTION.toString())).at("/data/attributes/url").asText());
    }

    @Test
    void badUsageAndMissingFilesAreUsageErrors() {
        CliRun.Result unknown = CliRun.create().run("gooddata", "payload", "--frobnicate");
        assertEquals(ExitCode.USAGE, unknown.code());
        assertTrue(unknown.err().contains("Unknown option: '--frobnicate'"), unknown.err());
        CliRun.Result missingCa = CliRun.create().run("gooddata", "payload", "--ca", "/nowhere/ca.pem");
        assertEquals(ExitCode.USAGE, missingCa.code());
        assertTrue(missingCa.err().contains("/nowhere/ca.pem"), missingCa.err());
        CliRun.Result missingConfig = CliRun.create().run("gooddata", "payload", "/nowhere/server.toml");
        assertEquals(ExitCode.USAGE, missingConfig.code());
        assertTrue(missingConfig.err().contains("does not exist"), missingConfig.err());
        CliRun.Result twoTokens = CliRun.create().run("gooddata", "payload", "--token", "a", "--token-env", "B");
        assertEquals(ExitCode.USAGE, twoTokens.code());
        CliRun.Result badId = CliRun.create().run("gooddata", "payload", "--id", "../x");
        assertEquals(ExitCode.USAGE, badId.code());
        assertTrue(badId.err().contains("not valid"), badId.err());
    }
}
