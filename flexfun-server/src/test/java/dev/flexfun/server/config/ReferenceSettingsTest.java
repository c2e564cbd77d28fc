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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A configuration written for the Python reference server, read as that server reads it. */
@Timeout(30)
class ReferenceSettingsTest {

    @Test
    void booleansInEveryCaseTheReferenceAccepts() {
        for (String spelling : List.of("true", "True", "TRUE")) {
            Settings env = Settings.fromToml("", Map.of("GOODDATA_FLIGHT_FLEXFUN__ERROR_STACK_TRACES", spelling));
            assertTrue(env.flexfun().errorStackTraces(), spelling);
            Settings toml = Settings.fromToml("[flexfun]\nerror_stack_traces = \"" + spelling + "\"\n", Map.of());
            assertTrue(toml.flexfun().errorStackTraces(), spelling);
            assertTrue(toml.tree().path("flexfun").path("error_stack_traces").isBoolean(), "hooks see a boolean");
        }
        for (String spelling : List.of("false", "False", "FALSE")) {
            Settings env = Settings.fromToml("[flexfun]\nerror_stack_traces = true\n",
                    Map.of("GOODDATA_FLIGHT_FLEXFUN__ERROR_STACK_TRACES", spelling));
            assertFalse(env.flexfun().errorStackTraces(), spelling);
        }
    }

    @Test
    void useTlsUpperCaseFromTheEnvironmentIsTrue() {
        // GoodData's own test suite sets exactly this; without certificates it must be read as true.
        ConfigException e = assertThrows(ConfigException.class,
                () -> Settings.fromToml("", Map.of("GOODDATA_FLIGHT_SERVER__USE_TLS", "TRUE")));
        assertTrue(e.getMessage().contains("use_tls = true (env GOODDATA_FLIGHT_SERVER__USE_TLS): true needs server.tls_certificate"),
                e.getMessage());
        assertFalse(Settings.fromToml("", Map.of("GOODDATA_FLIGHT_SERVER__USE_TLS", "FALSE")).server().useTls());
    }

    @Test
    void otherSpellingsAreRefusedSayingWhatIsAllowed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Settings.fromToml("", Map.of("GOODDATA_FLIGHT_SERVER__USE_MTLS", "yes")));
        assertEquals("Invalid setting server.use_mtls = \"yes\" (env GOODDATA_FLIGHT_SERVER__USE_MTLS): must be true"
                + " or false (True, TRUE, False, FALSE too).", e.getMessage());
    }

    @Test
    void theFlexconnectSectionIsTheFlexfunSection() {
        Settings toml = Settings.fromToml("[flexconnect]\ncall_deadline_ms = 5000\npolling_interval_ms = 250\n",
                Map.of());
        assertEquals(Duration.ofSeconds(5), toml.flexfun().callDeadline());
        assertEquals(Duration.ofMillis(250), toml.flexfun().pollingInterval());
        assertEquals(List.of(), toml.warnings());

        Settings env = Settings.fromToml("[flexfun]\ncall_deadline_ms = 5000\n", Map.of(
                "GOODDATA_FLIGHT_FLEXCONNECT__CALL_DEADLINE_MS", "7000",
                "GOODDATA_FLIGHT_FLEXCONNECT__POLLING_INTERVAL_MS", "300"));
        assertEquals(Duration.ofSeconds(7), env.flexfun().callDeadline(), "the environment wins over files");
        assertEquals(Duration.ofMillis(300), env.flexfun().pollingInterval());
    }

    @Test
    void laterFilesWinWhicheverNameTheyUse(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("a.toml"), "[flexfun]\ncall_deadline_ms = 1000\n");
        Path second = Files.writeString(dir.resolve("b.toml"), "[flexconnect]\ncall_deadline_ms = 2000\n");
        assertEquals(Duration.ofSeconds(2), Settings.load(List.of(first, second), Map.of()).flexfun().callDeadline());
        assertEquals(Duration.ofSeconds(1), Settings.load(List.of(second, first), Map.of()).flexfun().callDeadline());
    }

    @Test
    void bothNamesWithDifferentValuesAreAnError() {
        ConfigException file = assertThrows(ConfigException.class, () -> Settings.fromToml(
                "[flexfun]\ncall_deadline_ms = 1000\n[flexconnect]\ncall_deadline_ms = 2000\n", Map.of()));
        assertEquals("Settings text set call_deadline_ms in both [flexconnect] (2000) and [flexfun] (1000); they are"
                + " the same section here. Keep one of them.", file.getMessage());
        ConfigException env = assertThrows(ConfigException.class, () -> Settings.fromToml("", Map.of(
                "GOODDATA_FLIGHT_FLEXCONNECT__CALL_DEADLINE_MS", "1000",
                "GOODDATA_FLIGHT_FLEXFUN__CALL_DEADLINE_MS", "2000")));
        assertEquals("Environment variables GOODDATA_FLIGHT_FLEXCONNECT__CALL_DEADLINE_MS and"
                + " GOODDATA_FLIGHT_FLEXFUN__CALL_DEADLINE_MS both set flexfun.call_deadline_ms, to different values;"
                + " they are the same setting here. Keep one.", env.getMessage());
        // The same value under both names is not a conflict.
        assertEquals(Duration.ofSeconds(1), Settings.fromToml(
                "[flexfun]\ncall_deadline_ms = 1000\n[flexconnect]\ncall_deadline_ms = 1000\n", Map.of())
                .flexfun().callDeadline());
    }

    @Test
    void theFunctionsListIsAcceptedWithOneLine() {
        Settings settings = Settings.fromToml("[flexconnect]\nfunctions = [\"my_package.functions\"]\n", Map.of());
        assertEquals(List.of("Setting functions of [flexconnect] (the reference's list of Python modules) is ignored:"
                + " this server serves the functions of the generated registries on its class path, listed below."),
                settings.warnings());
    }

    @Test
    void everyReferenceOnlySettingGetsOneLineAndUnknownKeysStayWarnings() {
        Settings settings = Settings.fromToml("""
                [server]
                malloc_trim_interval_sec = 30
                log_trace_keys = { trace_id = "trace" }
                otel_service_name = "flexfun"
                otel_service_namespace = "data"
                otel_service_instance_id = "pod-1"
                listen_prot = 1
                """, Map.of());
        List<String> warnings = settings.warnings();
        assertEquals(6, warnings.size(), warnings::toString);
        for (String key : List.of("malloc_trim_interval_sec", "log_trace_keys", "otel_service_name",
                "otel_service_namespace", "otel_service_instance_id")) {
            assertEquals(1, warnings.stream().filter(w -> w.startsWith("Setting server." + key
                    + " is not supported here and is ignored: ")).count(), key);
        }
        assertTrue(warnings.contains("Setting server.otel_service_name is not supported here and is ignored: set the"
                + " environment variable OTEL_SERVICE_NAME instead."), warnings::toString);
        assertEquals("Unknown setting server.listen_prot is ignored.", warnings.get(5));
    }

    @Test
    void zipkinStopsTheStartNamingWhatIsServed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Settings.fromToml("[server]\notel_exporter_type = \"zipkin\"\n", Map.of()));
        assertTrue(e.getMessage().contains("must be one of none, console, otlp-grpc, otlp-http"), e.getMessage());
    }
}
