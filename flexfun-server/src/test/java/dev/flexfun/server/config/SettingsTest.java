package dev.flexfun.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @Test
    void aServerListeningBeyondLoopbackAdvertisesThisHostsName() throws Exception {
        ServerSettings s = Settings.fromToml("[server]\nlisten_host = \"0.0.0.0\"\n", java.util.Map.of()).server();
        assertEquals(java.net.InetAddress.getLocalHost().getHostName(), s.advertiseHost());
    }

    @Test
    void defaultsAreThoseOfTheProtocol() {
        Settings settings = Settings.defaults();
        ServerSettings s = settings.server();
        assertEquals("127.0.0.1", s.listenHost());
        assertEquals(17001, s.listenPort());
        assertEquals("127.0.0.1", s.advertiseHost(), "a loopback-only server advertises its listen address");
        assertEquals(OptionalInt.empty(), s.advertisePort());
        assertFalse(s.useTls());
        assertFalse(s.useMtls());
        assertEquals(Optional.empty(), s.tlsCertificate());
        assertEquals("none", s.authenticationMethod());
        assertEquals(Optional.empty(), s.tokenHeaderName());
        assertEquals("EnumeratedTokenVerification", s.tokenVerification());
        assertEquals(32, s.taskThreads());
        assertEquals(2, s.taskCloseThreads());
        assertEquals(Duration.ofSeconds(60), s.taskResultTtl());
        assertEquals(Optional.empty(), s.metricsHost());
        assertEquals(17101, s.metricsPort());
        assertEquals(Optional.empty(), s.healthCheckHost());
        assertEquals(8877, s.healthCheckPort());
        assertEquals("event", s.logEventKeyName());
        assertEquals("none", s.otelExporterType());
        FlexFunSettings f = settings.flexfun();
        assertEquals(Duration.ofMillis(180_000), f.callDeadline());
        assertEquals(Duration.ofMillis(2_000), f.pollingInterval());
        assertEquals(65_536, f.batchSize());
        assertFalse(f.errorStackTraces());
        assertEquals(Duration.ofMillis(60_000), f.streamStallTimeout());
        assertEquals(List.of(), settings.warnings());
    }

    @Test
    void aFolderStandsForItsTomlFilesInNameOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.toml"), "[server]\ntask_threads = 8\n");
        Files.writeString(dir.resolve("a.toml"), "[server]\ntask_threads = 4\nlisten_port = 18000\n");
        Files.writeString(dir.resolve("notes.txt"), "[server]\ntask_threads = 99\n");
        Files.createDirectories(dir.resolve("production"));
        Files.writeString(dir.resolve("production/server.toml"), "[server]\nlisten_port = 1\n");

        Settings settings = Settings.load(List.of(dir), Map.of());

        assertEquals(8, settings.server().taskThreads(), "b.toml comes after a.toml and wins");
        assertEquals(18000, settings.server().listenPort(), "subfolders and other files are not read");
    }

    @Test
    void laterFilesWinAndEnvironmentWinsOverFiles(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("a.toml"), """
                [server]
                listen_port = 18000
                task_threads = 4
                [my_source]
                url = "db://one"
                pool = 3
                """);
        Path second = Files.writeString(dir.resolve("b.toml"), """
                [server]
                task_threads = 8
                [my_source]
                url = "db://two"
                """);
        Settings settings = Settings.load(List.of(first, second), Map.of(
                "GOODDATA_FLIGHT_SERVER__LISTEN_PORT", "18001",
                "GOODDATA_FLIGHT_SERVER__LISTEN_HOST", "0.0.0.0",
                "GOODDATA_FLIGHT_ENUMERATED_TOKENS__TOKENS", "[\"a\",\"b\"]",
                "GOODDATA_FLIGHT_FLEXFUN__ERROR_STACK_TRACES", "true",
                "GOODDATA_FLIGHT_MY_SOURCE__POOL", "5",
                "PATH", "/usr/bin"));
        assertEquals(18001, settings.server().listenPort());
        assertEquals("0.0.0.0", settings.server().listenHost());
        assertEquals(8, settings.server().taskThreads());
        assertEquals(List.of("a", "b"), settings.enumeratedTokens());
        assertTrue(settings.flexfun().errorStackTraces());
        // Custom sections merge key by key and keep their types for on-load hooks.
        assertEquals("db://two", settings.tree().path("my_source").path("url").asText());
        assertEquals(5, settings.tree().path("my_source").path("pool").asInt());
        assertTrue(settings.tree().path("my_source").path("pool").isInt());
        // The tree shows effective values, defaults included.
        assertEquals(180_000, settings.tree().path("flexfun").path("call_deadline_ms").asLong());
    }

    @Test
    void invalidValuesStopStartupNamingKeyValueAndWhatIsAllowed() {
        Map<String, String> cases = Map.of(
                "[server]\nlisten_port = 70000", "server.listen_port = 70000",
                "[server]\nlisten_port = \"x\"", "must be an integer from 0 to 65535",
                "[server]\ntask_threads = 0", "server.task_threads = 0",
                "[server]\nuse_tls = \"yes\"", "must be true or false",
                "[server]\nauthentication_method = \"magic\"", "must be one of none, token",
                "[server]\ntask_result_ttl_sec = -1", "must be a positive number of seconds",
                "[flexfun]\ncall_deadline_ms = 0", "flexfun.call_deadline_ms = 0",
                "[server]\nuse_tls = true", "needs server.tls_certificate",
                "[server]\nauthentication_method = \"token\"", "needs at least one token",
                "[server]\ntls_certificate = \"@/nonexistent/cert.pem\"", "/nonexistent/cert.pem does not exist");
        cases.forEach((toml, expected) -> {
            ConfigException e = assertThrows(ConfigException.class, () -> Settings.fromToml(toml, Map.of()), toml);
            assertTrue(e.getMessage().contains(expected), () -> toml + " -> " + e.getMessage());
        });
        ConfigException env = assertThrows(ConfigException.class,
                () -> Settings.fromToml("", Map.of("GOODDATA_FLIGHT_SERVER__LISTEN_PORT", "abc")));
        assertEquals("Invalid setting server.listen_port = \"abc\" (env GOODDATA_FLIGHT_SERVER__LISTEN_PORT): "
                + "must be an integer from 0 to 65535.", env.getMessage());
    }

    @Test
    void theStreamStallTimeoutIsAPositiveNumberOfMilliseconds() {
        assertEquals(Duration.ofMillis(300),
                Settings.fromToml("[flexfun]\nstream_stall_timeout_ms = 300\n", Map.of()).flexfun().streamStallTimeout());
        assertEquals(Duration.ofMillis(1500), Settings.fromToml("", Map.of("GOODDATA_FLIGHT_FLEXFUN__STREAM_STALL_TIMEOUT_MS",
                "1500")).flexfun().streamStallTimeout());
        for (String bad : List.of("0", "-5", "\"soon\"")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> Settings.fromToml("[flexfun]\nstream_stall_timeout_ms = " + bad + "\n", Map.of()), bad);
            assertEquals("Invalid setting flexfun.stream_stall_timeout_ms = " + bad
                    + " (env GOODDATA_FLIGHT_FLEXFUN__STREAM_STALL_TIMEOUT_MS): must be a positive number of milliseconds.",
                    e.getMessage());
        }
    }

    @Test
    void unknownKeysAreReportedNotFatal() {
        Settings settings = Settings.fromToml("[server]\nlisten_prot = 1\n", Map.of());
        assertEquals(List.of("Unknown setting server.listen_prot is ignored."), settings.warnings());
    }

    @Test
    void missingOrBrokenFilesAreConfigErrors(@TempDir Path dir) throws Exception {
        assertThrows(ConfigException.class, () -> Settings.load(List.of(dir.resolve("none.toml")), Map.of()));
        Path broken = Files.writeString(dir.resolve("broken.toml"), "[server\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Settings.load(List.of(broken), Map.of()));
        assertTrue(e.getMessage().contains("broken.toml"), e.getMessage());
    }

    @Test
    void envValuesAreReadAsTomlValuesOrPlainStrings() {
        assertTrue(EnvOverrides.parseValue("17001").isInt());
        assertTrue(EnvOverrides.parseValue("true").isBoolean());
        assertTrue(EnvOverrides.parseValue("[\"a\", \"b\"]").isArray());
        assertEquals("127.0.0.1", EnvOverrides.parseValue("127.0.0.1").asText());
        assertEquals("x-token", EnvOverrides.parseValue("x-token").asText());
        assertEquals("quoted", EnvOverrides.parseValue("\"quoted\"").asText());
    }
}
