package dev.flexfun.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.OnLoadHook;
import dev.flexfun.runtime.OnShutdownHook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit used as a plain fixture: discovery, settings, config files, the leak check. */
class TestServerLifecycleTest {

    @Test
    void servesTheRegistriesOnTheClassPath() {
        try (FlexFunTestServer server = FlexFunTestServer.create().start()) {
            // This module's KitRegistry, listed in src/test/resources/META-INF/services.
            assertEquals(List.of("Count", "Types"), server.list().stream().map(FunctionInfo::name).toList());
            assertEquals(4, server.call("Count", Map.of("n", 4)).size());
            assertTrue(KitRegistry.HOOK_RUNS.get() > 0, "the registry's on-load hook ran");
        }
    }

    @Test
    void settingsReachTheServedFunctions() {
        try (FlexFunTestServer server = FlexFunTestServer.create().withoutDiscovery()
                .function(KitFunctions.batchSize()).setting("flexfun.batch_size", 2).start()) {
            assertEquals(List.of(Map.of("batch_size", 2)), server.call("BatchSize"));
        }
    }

    @Test
    void hooksSeeConfigFilesAndOverrides(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("functions.toml");
        Files.writeString(file, "[demo]\ngreeting = \"from the file\"\nname = \"kit\"\n[server]\nlisten_port = 17001\n");
        AtomicReference<String> seen = new AtomicReference<>();
        try (FlexFunTestServer server = FlexFunTestServer.create().withoutDiscovery()
                .configFile(file)
                .setting("demo.greeting", "hello \"quoted\"")
                .onLoad(OnLoadHook.of("test", ctx -> seen.set(ctx.section("demo").path("greeting").asText()
                        + " / " + ctx.section("demo").path("name").asText())))
                .start()) {
            assertEquals("hello \"quoted\" / kit", seen.get());
            // listen_port from the file does not apply: the kit always takes a free port.
            assertTrue(server.server().port() != 17001);
        }
    }

    @Test
    void aResultLeftOpenFailsTheClose() {
        FlexFunTestServer server = FlexFunTestServer.create().withoutDiscovery().function(KitFunctions.count()).start();
        ArrowResult leaked = server.callArrow("Count", Map.of("n", 10));
        IllegalStateException e = assertThrows(IllegalStateException.class, server::close);
        assertTrue(e.getMessage().contains("was not closed"), e.getMessage());
        assertEquals(10, leaked.rowCount());
    }

    @Test
    void aFailingHookStopsTheStart() {
        FlexFunTestServer server = FlexFunTestServer.create().withoutDiscovery()
                .onLoad(OnLoadHook.of("broken", ctx -> {
                    throw new IllegalStateException("no connection");
                }));
        IllegalStateException e = assertThrows(IllegalStateException.class, server::start);
        assertTrue(e.getMessage().contains("no connection"), e.getMessage());
    }

    @Test
    void shutdownHooksRunWhenTheKitCloses() {
        int registryRuns = KitRegistry.SHUTDOWN_HOOK_RUNS.get();
        AtomicReference<String> seen = new AtomicReference<>("not run");
        FlexFunTestServer server = FlexFunTestServer.create().setting("demo.name", "kit")
                .onShutdown(OnShutdownHook.of("test#close", ctx -> seen.set(ctx.section("demo").path("name").asText())))
                .start();
        assertEquals(4, server.call("Count", Map.of("n", 4)).size());
        assertEquals("not run", seen.get());
        server.close();
        assertEquals("kit", seen.get());
        assertEquals(registryRuns + 1, KitRegistry.SHUTDOWN_HOOK_RUNS.get(), "the class path's hook ran once");
    }

    @Test
    void configurationAfterStartIsRefused() {
        try (FlexFunTestServer server = FlexFunTestServer.create().withoutDiscovery().start()) {
            assertThrows(IllegalStateException.class, () -> server.setting("flexfun.batch_size", 1));
        }
    }
}
