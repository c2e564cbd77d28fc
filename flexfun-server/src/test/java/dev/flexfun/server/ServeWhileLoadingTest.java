package dev.flexfun.server;

import static dev.flexfun.server.fixtures.ServerHarness.failure;
import static dev.flexfun.server.fixtures.WireAssertions.assertProtocolError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.OnLoadHook;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.OwnThreads;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import dev.flexfun.server.protocol.FlightStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightInfo;
import org.junit.jupiter.api.Test;

/**
 * Over real Flight RPC, {@code serveWhileLoading}: the port opens before the on-load hooks have run.
 * ListFlights answers at once; a call that runs a function waits for the hooks, or gets NOT_READY
 * when they outlast its deadline; a hook that fails completes {@code loaded()} exceptionally.
 */
class ServeWhileLoadingTest {
    /** What the hook loads and the function serves: a function called before it would fail. */
    private static volatile int loadedRows;

    private static TestFunction servesWhatTheHookLoaded() {
        return TestFunction.sample("Loaded", ctx -> {
            if (loadedRows == 0) {
                throw new IllegalStateException("called before its on-load hook ran");
            }
            return new GeneratedResult(loadedRows, loadedRows, true);
        });
    }

    @Test
    void listFlightsAnswersWhileHooksRunAndCallsWaitForThem() throws Exception {
        loadedRows = 0;
        CountDownLatch finishLoading = new CountDownLatch(1);
        OnLoadHook slowLoad = OnLoadHook.of("test#slow", server -> {
            finishLoading.await();
            loadedRows = 3;
        });
        // A deadline short enough to see NOT_READY, long enough for the call after loading.
        FlexFunServer.Builder builder = FlexFunServer.builder()
                .settings(ServerHarness.settings("[flexfun]\ncall_deadline_ms = 500\n"))
                .serveWhileLoading(true).onLoad(slowLoad).function(servesWhatTheHookLoaded());
        try (ServerHarness h = ServerHarness.start(builder)) {
            List<String> listed = new ArrayList<>();
            h.client.listFlights(Criteria.ALL).forEach(info -> listed.add(info.getDescriptor().toString()));
            assertEquals(1, listed.size(), "the functions are listed while their hook runs");
            assertFalse(h.server.health().isReady(), "not ready while a hook runs");

            assertProtocolError(failure(() -> h.call("Loaded", "{}")), ErrorCode.NOT_READY, FlightStatus.UNAVAILABLE);

            // Asked before the hook ends or after: either way it must see what the hook loaded.
            CompletableFuture<FlightInfo> waiting = CompletableFuture.supplyAsync(() -> h.call("Loaded", "{}"),
                    OwnThreads.EACH_TASK);
            finishLoading.countDown();
            h.server.loaded().get(30, TimeUnit.SECONDS);
            assertEquals(3, h.read(waiting.get(30, TimeUnit.SECONDS)).size());
            assertTrue(h.server.health().isReady(), "ready once the hooks have run");
            assertEquals(3, h.read(h.call("Loaded", "{}")).size());
        } finally {
            finishLoading.countDown();
        }
    }

    @Test
    void aFailingHookCompletesLoadedExceptionallyAndCallsAreToldTheServerStops() throws Exception {
        OnLoadHook broken = OnLoadHook.of("test#broken", server -> {
            throw new IllegalStateException("no database");
        });
        FlexFunServer.Builder builder = FlexFunServer.builder().settings(ServerHarness.settings(""))
                .serveWhileLoading(true).onLoad(broken).function(servesWhatTheHookLoaded());
        try (ServerHarness h = ServerHarness.start(builder)) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> h.server.loaded().get(30, TimeUnit.SECONDS));
            assertEquals("On-load hook test#broken failed: no database", failed.getCause().getMessage());
            assertProtocolError(failure(() -> h.call("Loaded", "{}")), ErrorCode.SHUTTING_DOWN,
                    FlightStatus.UNAVAILABLE);
            assertFalse(h.server.health().isReady());
        }
    }

    @Test
    void byDefaultStartReturnsOnlyOnceTheHooksHaveRun() throws Exception {
        loadedRows = 0;
        OnLoadHook load = OnLoadHook.of("test#load", server -> loadedRows = 2);
        FlexFunServer.Builder builder = FlexFunServer.builder().settings(ServerHarness.settings(""))
                .onLoad(load).function(servesWhatTheHookLoaded());
        try (ServerHarness h = ServerHarness.start(builder)) {
            assertTrue(h.server.loaded().isDone() && !h.server.loaded().isCompletedExceptionally());
            assertTrue(h.server.health().isReady());
            assertEquals(2, h.read(h.call("Loaded", "{}")).size());
        }
    }
}
