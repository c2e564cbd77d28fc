package dev.flexfun.server.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.server.fixtures.OwnThreads;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightCallsTest {

    @Test
    void refusesNewCallsOnceShuttingDownWhileRunningOnesFinish() throws Exception {
        InFlightCalls calls = new InFlightCalls();
        InFlightCalls.Permit running = calls.tryEnter().orElseThrow();
        assertFalse(calls.isShuttingDown());

        calls.beginShutdown();
        assertTrue(calls.isShuttingDown());
        assertTrue(calls.tryEnter().isEmpty(), "no permit after shutdown began");
        assertEquals(1, calls.inFlight());

        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> idle = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return calls.awaitIdle(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, OwnThreads.EACH_TASK);
        waiting.await();
        assertFalse(idle.isDone() && idle.getNow(false), "cannot be idle while a call runs");
        running.close();
        assertTrue(idle.get(1, TimeUnit.MINUTES));
        assertEquals(0, calls.inFlight());
    }

    @Test
    void gracePeriodRunsOutWhenACallDoesNotFinish() throws Exception {
        InFlightCalls calls = new InFlightCalls();
        try (InFlightCalls.Permit stuck = calls.tryEnter().orElseThrow()) {
            calls.beginShutdown();
            assertFalse(calls.awaitIdle(Duration.ofMillis(20)));
            assertEquals(1, calls.inFlight());
        }
        assertTrue(calls.awaitIdle(Duration.ZERO));
    }

    @Test
    void closingAPermitTwiceCountsOnce() throws Exception {
        InFlightCalls calls = new InFlightCalls();
        InFlightCalls.Permit a = calls.tryEnter().orElseThrow();
        InFlightCalls.Permit b = calls.tryEnter().orElseThrow();
        a.close();
        a.close();
        assertEquals(1, calls.inFlight());
        b.close();
        assertEquals(0, calls.inFlight());
    }
}
