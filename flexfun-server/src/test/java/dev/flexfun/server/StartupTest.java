package dev.flexfun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexFunctionRegistry;
import dev.flexfun.runtime.OnLoadHook;
import dev.flexfun.server.config.ConfigException;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import dev.flexfun.server.fixtures.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.flight.Criteria;
import org.junit.jupiter.api.Test;

/** Loading functions, on-load hooks, and settings that stop startup. */
class StartupTest {

    static final class RegistryA implements FlexFunctionRegistry {
        @Override
        public List<FlexFunction> functions() {
            return List.of(TestFunction.sample("Same", ctx -> null));
        }
    }

    static final class RegistryB implements FlexFunctionRegistry {
        @Override
        public List<FlexFunction> functions() {
            return List.of(TestFunction.sample("Same", ctx -> null));
        }
    }

    @Test
    void duplicateFunctionNamesFailStartupNamingBothSources() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FlexFunServer.builder()
                .settings(ServerHarness.settings("")).registry(new RegistryA()).registry(new RegistryB()).start());
        assertEquals("Function 'Same' is defined twice: by " + RegistryA.class.getName() + " and by "
                + RegistryB.class.getName() + ". Function names must be unique; rename one of them.", e.getMessage());
    }

    @Test
    void aTakenPortFailsStartupAndFreesWhatWasMade() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getByName("127.0.0.1"));
                org.apache.arrow.memory.RootAllocator root = new org.apache.arrow.memory.RootAllocator()) {
            FlexFunServer.Builder builder = FlexFunServer.builder()
                    .settings(dev.flexfun.server.config.Settings.fromToml(
                            "[server]\nlisten_port = " + taken.getLocalPort() + "\n", java.util.Map.of()))
                    .function(TestFunction.sample("Sample", ctx -> null)).allocator(root);

            assertThrows(java.io.IOException.class, builder::start);
            assertTrue(root.getChildAllocators().isEmpty(), () -> "left open: " + root.getChildAllocators());
        }
    }

    @Test
    void registriesOnTheClassPathAreDiscoveredAndTheirHooksRunOnce() throws Exception {
        int before = TestRegistry.HOOK_RUNS.get();
        int shutdownsBefore = TestRegistry.SHUTDOWN_HOOK_RUNS.get();
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder().settings(ServerHarness.settings(""))
                .discoverRegistries())) {
            List<String> names = new ArrayList<>();
            h.client.listFlights(Criteria.ALL).forEach(i -> names.add(new String(i.getDescriptor().getCommand())));
            assertEquals(List.of("{\"functionName\":\"Sample\",\"metadata\":{\"description\":\"sample rows\"}}",
                    "{\"functionName\":\"Slow\",\"metadata\":null}",
                    "{\"functionName\":\"Failing\",\"metadata\":null}"), names);
            assertEquals(3, h.read(h.call("Sample", "{}")).size());
            assertEquals(shutdownsBefore, TestRegistry.SHUTDOWN_HOOK_RUNS.get(), "not before the server stops");
        }
        assertEquals(before + 1, TestRegistry.HOOK_RUNS.get());
        assertEquals(shutdownsBefore + 1, TestRegistry.SHUTDOWN_HOOK_RUNS.get());
    }

    @Test
    void onLoadHooksSeeAllSettingsAndTheHealthMonitor() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        OnLoadHook hook = OnLoadHook.of("test#hook", server -> {
            seen.set(server.section("my_source").path("url").asText() + " " + server.section("server").path("task_threads"));
            server.health().setHealthy("my_source", false);
        });
        var settings = ServerHarness.settings("[my_source]\nurl = \"db://x\"\n");
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder().settings(settings).onLoad(hook)
                .function(TestFunction.sample("Sample", ctx -> new GeneratedResult(1, 1, true))))) {
            assertEquals("db://x 32", seen.get());
            assertFalse(h.server.health().isHealthy());
            assertEquals(java.util.Set.of("my_source"), h.server.health().unhealthyModules());
        }
    }

    @Test
    void aServerWithoutFunctionsWarnsThatTheProcessorDidNotRun() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(FlexFunServer.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try (ServerHarness h = ServerHarness.start("")) {
            List<String> warnings = lines.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
            assertEquals(1, warnings.size(), warnings::toString);
            assertTrue(warnings.get(0).startsWith("No functions found. No FlexFun registry"), warnings::toString);
            assertTrue(warnings.get(0).contains("<annotationProcessorPaths>"), warnings::toString);
        } finally {
            logger.detachAppender(lines);
        }
        lines.list.clear();
        logger.addAppender(lines);
        try (ServerHarness h = ServerHarness.start("", TestFunction.sample("Sample", ctx -> null))) {
            assertTrue(lines.list.stream().noneMatch(e -> e.getFormattedMessage().startsWith("No functions found")));
        } finally {
            logger.detachAppender(lines);
        }
    }

    @Test
    void aFailingHookStopsStartup() {
        OnLoadHook hook = OnLoadHook.of("test#broken", server -> {
            throw new IllegalStateException("cannot reach the database");
        });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FlexFunServer.builder().settings(ServerHarness.settings("")).onLoad(hook).start());
        assertEquals("On-load hook test#broken failed: cannot reach the database", e.getMessage());
    }

    @Test
    void unusableTlsMaterialStopsStartupNamingTheSetting(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("x.pem"), "not really a pem");
        var tls = ServerHarness.settings("use_tls = true\ntls_certificate = \"@" + pem + "\"\ntls_private_key = \"@" + pem + "\"\n");
        ConfigException e = assertThrows(ConfigException.class, () -> FlexFunServer.builder().settings(tls).start());
        assertEquals("tls_certificate: file " + pem + " is not PEM (no '-----BEGIN ' line). Give PEM text or "
                + "@/path/to/file.pem.", e.getMessage());
    }

    @Test
    void tokenAuthenticationWithoutTokensStopsStartup() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ServerHarness.settings("authentication_method = \"token\"\n"));
        assertTrue(e.getMessage().contains("needs at least one token in [enumerated_tokens] tokens"), e.getMessage());
    }

    @Test
    void unknownTokenVerifierStopsStartupListingTheAvailableOnes() {
        var settings = ServerHarness.settings("authentication_method = \"token\"\ntoken_verification = \"Nope\"\n");
        ConfigException e = assertThrows(ConfigException.class, () -> FlexFunServer.builder().settings(settings).start());
        assertTrue(e.getMessage().startsWith("token_verification = 'Nope' names no token verifier; available: ["),
                e.getMessage());
    }

    @Test
    void jvmOptionsListTheFlagsTheBuildUses() throws Exception {
        Path options = Path.of("..", "config", "jvm.options");
        List<String> flags = Files.readAllLines(options).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertFalse(flags.isEmpty());
        List<String> jvmArgs = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String flag : flags) {
            assertTrue(jvmArgs.contains(flag), () -> flag + " of config/jvm.options is not in surefire's argLine "
                    + "(<arrow.jvm.flags>): " + Arrays.toString(jvmArgs.toArray()));
        }
    }
}
