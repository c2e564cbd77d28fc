package dev.flexfun.server.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a call that runs a function meets while the on-load hooks run (outside any RPC: the call deadline). */
class LoadingTest {
    private static final Duration LONG = Duration.ofMinutes(10);

    @Test
    void returnsAtOnceOnceLoaded() {
        new Loading(CompletableFuture.completedFuture(null), LONG).awaitLoaded();
    }

    @Test
    void aCallWaitingForTheHooksGoesOnWhenTheyEnd() throws Exception {
        CompletableFuture<Void> hooks = new CompletableFuture<>();
        Loading loading = new Loading(hooks, LONG);
        CompletableFuture<Void> call = CompletableFuture.runAsync(loading::awaitLoaded);
        hooks.complete(null);
        call.get(30, TimeUnit.SECONDS);
    }

    @Test
    void hooksOutlastingTheDeadlineAreNotReady() {
        Loading loading = new Loading(new CompletableFuture<>(), Duration.ofMillis(50));
        assertEquals(ErrorCode.NOT_READY, assertThrows(FlexFunException.class, loading::awaitLoaded).code());
    }

    @Test
    void aFailedHookMeansTheServerStops() {
        Loading loading = new Loading(CompletableFuture.failedFuture(new IllegalStateException("no database")), LONG);
        assertEquals(ErrorCode.SHUTTING_DOWN, assertThrows(FlexFunException.class, loading::awaitLoaded).code());
    }

    @Test
    void shutdownAnswersCallsStillWaitingInsteadOfLeavingThemToTheirDeadline() throws Exception {
        Loading loading = new Loading(new CompletableFuture<>(), LONG);
        CompletableFuture<Void> call = CompletableFuture.runAsync(loading::awaitLoaded);
        loading.stop();
        ExecutionException stopped = assertThrows(ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS));
        assertEquals(ErrorCode.SHUTTING_DOWN, ((FlexFunException) stopped.getCause()).code());
    }
}
