package dev.flexfun.server.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.OnShutdownHook;
import dev.flexfun.server.FlexFunServer;
import dev.flexfun.server.fixtures.Gate;
import dev.flexfun.server.fixtures.ServerHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code @OnShutdown} hooks: once, after the calls drain, before the memory check; a failure is not fatal. */
@Timeout(60)
class ShutdownHooksTest {

    @Test
    void hooksRunOnceAfterTheRunningCallAndBeforeTheMemoryCheck() throws Exception {
        Gate gate = new Gate();
        List<String> seen = new ArrayList<>();
        AtomicReference<RootAllocator> serverRoot = new AtomicReference<>();
        OnShutdownHook hook = OnShutdownHook.of("test#close", server -> {
            // The call that was running when close() began has finished...
            seen.add("call finished: " + (gate.returned != null));
            // ...and the server's allocator is still open: the leak check comes after this hook.
            seen.add("server allocators open: " + serverRoot.get().getChildAllocators().size());
            seen.add("settings: " + server.section("server").path("listen_port").asInt());
        });
        ServerHarness h = ServerHarness.start(FlexFunServer.builder().settings(ServerHarness.settings(""))
                .function(gate.function("Gated")).onShutdown(hook));
        serverRoot.set(h.serverAllocator);
        try (h) {
            CompletableFuture<FlightInfo> call = CompletableFuture.supplyAsync(() -> h.call("Gated", "{}"));
            assertTrue(gate.entered.await(30, TimeUnit.SECONDS));
            CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
                try {
                    h.server.close();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            gate.open.countDown();
            // The call in flight is answered; its unread result is dropped by the shutdown.
            assertEquals(1, call.get(30, TimeUnit.SECONDS).getEndpoints().size());
            closing.get(30, TimeUnit.SECONDS);
            h.server.close(); // a second close does nothing
        }
        assertEquals(List.of("call finished: true", "server allocators open: 1", "settings: 0"), seen);
    }

    @Test
    void aFailingHookIsLoggedAndTheOthersStillRun() throws Exception {
        List<String> ran = new ArrayList<>();
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder().settings(ServerHarness.settings(""))
                .onShutdown(OnShutdownHook.of("test#broken", server -> {
                    ran.add("broken");
                    throw new IllegalStateException("connection pool already closed");
                }))
                .onShutdown(OnShutdownHook.of("test#fine", server -> ran.add("fine"))))) {
            h.server.close(); // does not throw: a failing hook does not stop the shutdown
        } // the harness checks that the server freed everything
        assertEquals(List.of("broken", "fine"), ran);
    }
}
