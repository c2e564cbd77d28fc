package dev.flexfun.server.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.HealthMonitor;
import dev.flexfun.runtime.OnLoadHook;
import dev.flexfun.server.FlexFunServer;
import dev.flexfun.server.fixtures.Gate;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.OwnThreads;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Health transitions of the real server over HTTP: starting, ready, a module unhealthy and back, shutting down. */
class HealthEndpointsServerTest {

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The status of {@code path}, waiting for the endpoint to come up. */
    private static int status(int port, String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return Http.get(port, path).statusCode();
            } catch (ConnectException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(20);
            }
        }
    }

    @Test
    void readyIs500WhileStartingAnd202OnceFunctionsAreLoadedAndFlightAcceptsCalls() throws Exception {
        int port = freePort();
        CountDownLatch hookEntered = new CountDownLatch(1);
        CountDownLatch finishLoading = new CountDownLatch(1);
        OnLoadHook slowLoad = OnLoadHook.of("test#slow", server -> {
            hookEntered.countDown();
            finishLoading.await();
        });
        FlexFunServer.Builder builder = FlexFunServer.builder()
                .settings(ServerHarness.settings("health_check_host = \"127.0.0.1\"\nhealth_check_port = " + port + "\n"))
                .onLoad(slowLoad).function(TestFunction.sample("Sample", ctx -> new GeneratedResult(1, 1, true)));
        CompletableFuture<ServerHarness> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return ServerHarness.start(builder);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, OwnThreads.EACH_TASK);
        assertTrue(hookEntered.await(30, TimeUnit.SECONDS));
        assertEquals(500, status(port, "/ready"), "starting: an on-load hook is still running");
        assertEquals(202, status(port, "/live"));

        finishLoading.countDown();
        try (ServerHarness h = starting.get(30, TimeUnit.SECONDS)) {
            assertEquals(port, h.server.healthCheckPort().orElseThrow());
            assertEquals(202, status(port, "/ready"));
            assertEquals(1, h.read(h.call("Sample", "{}")).size(), "ready means Flight serves calls");
        }
    }

    @Test
    void aModuleMarkedUnhealthyByItsOnLoadHookMakesLive500UntilItIsHealthyAgain() throws Exception {
        AtomicReference<HealthMonitor> monitor = new AtomicReference<>();
        OnLoadHook hook = OnLoadHook.of("test#db", server -> {
            monitor.set(server.health());
            server.health().setHealthy("warehouse", false);
        });
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder()
                .settings(ServerHarness.settings("health_check_host = \"127.0.0.1\"\nhealth_check_port = 0\n"))
                .onLoad(hook))) {
            int port = h.server.healthCheckPort().orElseThrow();
            assertSame(h.server.health(), monitor.get(), "hooks get the server's health as their monitor");
            assertEquals(500, status(port, "/live"));
            assertEquals("unhealthy modules: warehouse\n", Http.get(port, "/live").body());
            assertEquals(202, status(port, "/ready"), "readiness does not depend on module health");

            monitor.get().setHealthy("warehouse", true);
            assertEquals(202, status(port, "/live"));
            monitor.get().setHealthy("warehouse", false);
            assertEquals(500, status(port, "/live"));
        }
    }

    @Test
    void readyTurns500AsSoonAsShutdownBeginsWhileACallStillRuns() throws Exception {
        Gate gate = new Gate();
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder()
                .settings(ServerHarness.settings("health_check_host = \"127.0.0.1\"\nhealth_check_port = 0\n"
                        + "shutdown_grace_sec = 60\n"))
                .function(gate.function("Held")))) {
            int port = h.server.healthCheckPort().orElseThrow();
            assertEquals(202, status(port, "/ready"));
            CompletableFuture<?> call = CompletableFuture.runAsync(() -> h.call("Held", "{}"), OwnThreads.EACH_TASK);
            assertTrue(gate.entered.await(30, TimeUnit.SECONDS));

            CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
                try {
                    h.server.close();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, OwnThreads.EACH_TASK);
            h.server.health().shutdownBegun().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(500, status(port, "/ready"), "shutting down, the held call is still running");
            assertEquals(202, status(port, "/live"));

            gate.open.countDown();
            call.get(30, TimeUnit.SECONDS);
            closing.get(30, TimeUnit.SECONDS);
        }
    }
}
