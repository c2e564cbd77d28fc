package dev.flexfun.server.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.OnLoadHook;
import dev.flexfun.server.fixtures.TestRegistry;
import dev.flexfun.testkit.ArrowResult;
import dev.flexfun.testkit.FlexFunTestServer;
import dev.flexfun.testkit.FunctionInfo;
import dev.flexfun.testkit.StreamSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit used as a plain fixture: discovery, settings, config files, the leak check. */
class TestServerLifecycleTest {

    @Test
    void servesTheRegistriesOnTheClassPath() {
        try (FlexFunTestServer server = FlexFunTestServer.create().start()) {
            // This module's TestRegistry, listed in src/test/resources/META-INF/services.
            assertTrue(server.list().stream().map(FunctionInfo::name).toList().containsAll(
                    java.util.List.of("Sample", "Slow", "Failing")));
            assertEquals(4, server.call("Sample", Map.of("rows", 4)).size());
            assertTrue(TestRegistry.HOOK_RUNS.get() > 0, "the registry's on-load hook ran");
        }
    }

    @Test
    void settingsWinAndBatchesFollowThem() {
        try (FlexFunTestServer server = FlexFunTestServer.create().setting("flexfun.batch_size", 2).start()) {
            StreamSummary summary = server.stream("Sample", Map.of("rows", 5), batch -> { });
            assertEquals(5, summary.rows());
            assertEquals(3, summary.batches());
            assertEquals(2, summary.largestBatch());
            try (ArrowResult result = server.callArrow("Sample", Map.of("rows", 5))) {
                assertEquals(3, result.batches());
                assertEquals(5, result.rowCount());
            }
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
    void configurationAfterStartIsRefused() {
        try (FlexFunTestServer server = FlexFunTestServer.create().withoutDiscovery().start()) {
            assertThrows(IllegalStateException.class, () -> server.setting("flexfun.batch_size", 1));
        }
    }
}
