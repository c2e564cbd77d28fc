package dev.flexfun.server.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.OnLoadHook;
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
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
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

    @Test
    void whatAFunctionKeepsInItsOwnAllocatorIsNotALeakOfTheServer() throws Exception {
        AtomicReference<BufferAllocator> functionAllocator = new AtomicReference<>();
        AtomicReference<ArrowBuf> keptBuffer = new AtomicReference<>();
        ServerHarness h = ServerHarness.start(FlexFunServer.builder().settings(ServerHarness.settings(""))
                .onLoad(OnLoadHook.of("test#keep", server -> {
                    functionAllocator.set(server.newAllocator("cache"));
                    keptBuffer.set(functionAllocator.get().buffer(4096));
                })));
        try {
            assertEquals("function-cache", functionAllocator.get().getName());
            assertSame(h.serverAllocator, functionAllocator.get().getParentAllocator(),
                    "beside the server's own allocator, under the same root (results can share its buffers)");
            h.server.close(); // a function that never frees its memory: logged, not a leak of the server
        } finally {
            keptBuffer.get().close();
            functionAllocator.get().close();
            h.close(); // the server's allocator was closed clean
        }
    }

    @Test
    void functionAllocatorsClosedByTheirHooksLeaveNothingBehind() throws Exception {
        AtomicReference<BufferAllocator> functionAllocator = new AtomicReference<>();
        AtomicReference<ArrowBuf> keptBuffer = new AtomicReference<>();
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder().settings(ServerHarness.settings(""))
                .onLoad(OnLoadHook.of("test#keep", server -> {
                    functionAllocator.set(server.newAllocator("cache"));
                    keptBuffer.set(functionAllocator.get().buffer(4096));
                }))
                .onShutdown(OnShutdownHook.of("test#free", server -> {
                    keptBuffer.get().close();
                    functionAllocator.get().close();
                })))) {
            assertEquals(4096, functionAllocator.get().getAllocatedMemory());
        } // the harness's root allocator closes only if nothing is left
        assertEquals(0, functionAllocator.get().getAllocatedMemory());
    }

    @Test
    void aStartThatFailsAfterOnLoadHooksRanStillRunsTheShutdownHooks() throws Exception {
        AtomicReference<BufferAllocator> functionAllocator = new AtomicReference<>();
        AtomicReference<ArrowBuf> keptBuffer = new AtomicReference<>();
        List<String> ran = new ArrayList<>();
        try (RootAllocator root = new RootAllocator()) { // closing it fails if the kept memory was not freed
            FlexFunServer.Builder builder = FlexFunServer.builder().settings(ServerHarness.settings("")).allocator(root)
                    .onLoad(OnLoadHook.of("test#load", server -> {
                        functionAllocator.set(server.newAllocator("cache"));
                        keptBuffer.set(functionAllocator.get().buffer(1024));
                    }))
                    .onLoad(OnLoadHook.of("test#broken", server -> {
                        throw new IllegalStateException("no database");
                    }))
                    .onShutdown(OnShutdownHook.of("test#free", server -> {
                        ran.add("free");
                        keptBuffer.get().close();
                        functionAllocator.get().close();
                    }));
            IllegalStateException e = assertThrows(IllegalStateException.class, builder::start);
            assertEquals("On-load hook test#broken failed: no database", e.getMessage());
            assertEquals(List.of("free"), ran, "what the first hook loaded is freed");
        }
    }
}
