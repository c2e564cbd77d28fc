package dev.flexfun.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.context.ExecutionContext;
import dev.flexfun.runtime.context.ExecutionType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The execution context as a function sees it through its {@link CallContext}. */
class CallContextExecutionContextTest {

    private static String sample(String name) throws IOException {
        try (InputStream in = CallContextExecutionContextTest.class.getResourceAsStream("/execution-context/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void builderSetsTheContextNextToOtherParameters() throws IOException {
        CallContext call = CallContext.builder()
                .parametersJson("{\"answer\": 42}")
                .columns("attribute1")
                .executionContextJson(sample("report-execution-context.json"))
                .build();

        ExecutionContext context = call.requireExecutionContext();
        assertEquals(ExecutionType.REPORT, context.executionType());
        assertEquals("demo", context.userId());
        assertEquals(42, call.parameters().get("answer").asInt(), "other parameters are kept");
        assertEquals(Optional.of(List.of("attribute1")), call.columns());
    }

    @Test
    void parsedOnceAndShared() throws Exception {
        CallContext call = CallContext.builder()
                .executionContextJson(sample("label-elements-execution-context.json"))
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ExecutionContext>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return call.executionContext().orElseThrow();
                }));
            }
            start.countDown();
            ExecutionContext first = results.get(0).get(10, TimeUnit.SECONDS);
            for (Future<ExecutionContext> result : results) {
                assertSame(first, result.get(10, TimeUnit.SECONDS), "every caller gets the one parsed instance");
            }
            assertSame(first, call.requireExecutionContext());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void absentContext() {
        CallContext call = CallContext.builder().functionName("Sales").build();
        assertEquals(Optional.empty(), call.executionContext());
        BadArgumentException e = assertThrows(BadArgumentException.class, call::requireExecutionContext);
        assertEquals("This function needs parameters.executionContext (the GoodData execution context), but the call"
                + " of 'Sales' has none.", e.getMessage());
        assertEquals(ErrorCode.BAD_ARGUMENT, e.code());
    }

    @Test
    void emptyOrNullContextCountsAsAbsent() {
        assertEquals(Optional.empty(),
                CallContext.builder().parametersJson("{\"executionContext\": {}}").build().executionContext());
        assertEquals(Optional.empty(),
                CallContext.builder().parametersJson("{\"executionContext\": null}").build().executionContext());
    }

    @Test
    void malformedContextFailsEveryTimeWithThePath() {
        CallContext call = CallContext.builder()
                .executionContextJson("{\"executionType\": \"REPORT\", \"organizationId\": 7}")
                .build();
        BadArgumentException first = assertThrows(BadArgumentException.class, call::executionContext);
        assertEquals("parameters.executionContext.organizationId must be a string, found number 7.",
                first.getMessage());
        BadArgumentException again = assertThrows(BadArgumentException.class, call::requireExecutionContext);
        assertSame(first, again, "the failed parse is not repeated");
    }

    @Test
    void builtWithoutTouchingTheContextDoesNotParseIt() {
        // A malformed context must not fail functions that never ask for it.
        CallContext call = CallContext.builder().executionContextJson("{\"executionType\": 5}").build();
        assertEquals("test", call.functionName());
        assertTrue(call.parameters().has("executionContext"));
        assertThrows(BadArgumentException.class, call::executionContext, "it is malformed once asked for");
    }

    @Test
    void executionContextNullRemovesIt() throws IOException {
        CallContext call = CallContext.builder()
                .executionContextJson(sample("report-execution-context.json"))
                .executionContext((com.fasterxml.jackson.databind.JsonNode) null)
                .build();
        assertEquals(Optional.empty(), call.executionContext());
    }

    @Test
    void aParsedContextGoesInAsItsJson() throws IOException {
        ExecutionContext context = CallContext.builder().executionContextJson(sample("report-execution-context.json"))
                .build().requireExecutionContext();
        CallContext call = CallContext.builder().parametersJson("{\"limit\": 3}").executionContext(context).build();
        assertEquals(context, call.executionContext().orElseThrow());
        assertEquals(3, call.parameters().get("limit").asInt(), "the other parameters are kept");
    }
}
