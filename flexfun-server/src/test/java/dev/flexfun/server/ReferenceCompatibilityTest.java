package dev.flexfun.server;

import static dev.flexfun.server.fixtures.ServerHarness.command;
import static dev.flexfun.server.fixtures.ServerHarness.failure;
import static dev.flexfun.server.fixtures.ServerHarness.pollable;
import static dev.flexfun.server.fixtures.WireAssertions.assertProtocolError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import dev.flexfun.runtime.FlexFunStatus;
import dev.flexfun.server.config.Settings;
import dev.flexfun.server.fixtures.Gate;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import dev.flexfun.server.protocol.ErrorInfo;
import dev.flexfun.server.protocol.FlightStatus;
import dev.flexfun.server.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.flight.FlightCallHeaders;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.HeaderCallOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a client of the Python reference notices, over real Flight RPC: codes, cancel, headers, settings. */
@Timeout(60)
class ReferenceCompatibilityTest {
    private static final int BUSY = FlexFunException.RETRY_ANYWHERE | 1001;

    @Test
    void aFunctionChoosesItsOwnCodeDetailBodyAndStatus() throws Exception {
        TestFunction busy = TestFunction.sample("Busy", ctx -> {
            throw FlexFunException.forCode(BUSY, "The warehouse is busy.").withDetail("queue full")
                    .withBody("{\"retry_after_s\":5}".getBytes(StandardCharsets.UTF_8))
                    .withStatus(FlexFunStatus.UNAVAILABLE);
        });
        try (ServerHarness h = ServerHarness.start("", busy)) {
            ErrorInfo info = assertProtocolError(failure(() -> h.call("Busy", "{}")), BUSY, FlightStatus.UNAVAILABLE);
            assertEquals(0x30000 + 1001, info.code());
            assertEquals("The warehouse is busy.", info.msg());
            assertEquals("queue full", info.detail());
            assertArrayEquals("{\"retry_after_s\":5}".getBytes(StandardCharsets.UTF_8), info.body());
        }
    }

    @Test
    void everyStatusAFunctionMayChooseReachesTheClient() throws Exception {
        AtomicReference<FlexFunStatus> next = new AtomicReference<>();
        TestFunction failing = TestFunction.sample("Failing", ctx -> {
            throw FlexFunException.forCode(1001, "chosen").withStatus(next.get());
        });
        try (ServerHarness h = ServerHarness.start("", failing)) {
            for (FlexFunStatus status : FlexFunStatus.values()) {
                next.set(status);
                assertProtocolError(failure(() -> h.call("Failing", "{}")), 1001, FlightStatus.of(status));
            }
        }
    }

    @Test
    void aCodeWithoutAStatusGetsTheStatusOfItsProtocolCodeOrFailed() throws Exception {
        TestFunction own = TestFunction.sample("Own", ctx -> {
            throw FlexFunException.forCode(ctx.parameters().path("code").asInt(), "own code");
        });
        try (ServerHarness h = ServerHarness.start("", own)) {
            assertProtocolError(failure(() -> h.call("Own", "{\"code\":1001}")), 1001, FlightStatus.FAILED);
            assertProtocolError(failure(() -> h.call("Own", "{\"code\":" + ErrorCode.BACKPRESSURE.code() + "}")),
                    ErrorCode.BACKPRESSURE, FlightStatus.UNAVAILABLE);
        }
    }

    @Test
    void cancelIsIdempotent() throws Exception {
        GeneratedResult result = new GeneratedResult(3, 2, true);
        try (ServerHarness h = ServerHarness.start("", TestFunction.sample("Quick", ctx -> result))) {
            // A task this server never ran (e.g. before a restart, or expired): CANCELLED, as in the reference.
            ErrorInfo unknown = assertProtocolError(failure(() -> h.client.getInfo(
                    command("c:0123456789abcdef0123456789abcdef"), pollable())), ErrorCode.COMMAND_CANCELLED,
                    FlightStatus.CANCELLED);
            assertEquals("Task with id '0123456789abcdef0123456789abcdef' was cancelled.", unknown.msg());

            FlightInfo info = h.call("Quick", "{}", pollable());
            String taskId = Json.MAPPER.readTree(info.getEndpoints().get(0).getTicket().getBytes()).get("task_id").asText();
            for (int i = 0; i < 2; i++) { // a finished task, then the same task again
                assertProtocolError(failure(() -> h.client.getInfo(command("c:" + taskId), pollable())),
                        ErrorCode.COMMAND_CANCELLED, FlightStatus.CANCELLED);
            }
            assertTrue(result.resultClosed.await(30, TimeUnit.SECONDS), "the result was freed");
        }
    }

    @Test
    void cancellingARunningTaskTwiceAnswersCancelledBothTimes() throws Exception {
        Gate gate = new Gate();
        try (ServerHarness h = ServerHarness.start("[flexfun]\npolling_interval_ms = 30\n", gate.function("Gate"))) {
            var poll = failure(() -> h.call("Gate", "{}", pollable()));
            assertTrue(gate.entered.await(30, TimeUnit.SECONDS));
            String taskId = taskIdOfPoll(ServerHarness.errorInfo(poll));
            for (int i = 0; i < 2; i++) {
                assertProtocolError(failure(() -> h.client.getInfo(command("c:" + taskId), pollable())),
                        ErrorCode.COMMAND_CANCELLED, FlightStatus.CANCELLED);
            }
            assertTrue(gate.interrupted.await(30, TimeUnit.SECONDS), "the function was interrupted");
        }
    }

    @Test
    void binaryHeadersReachFunctionsAsBytesAndTextHeadersAsText() throws Exception {
        AtomicReference<CallContext> seen = new AtomicReference<>();
        TestFunction echo = TestFunction.sample("Echo", ctx -> {
            seen.set(ctx);
            return new GeneratedResult(1, 1, true);
        });
        byte[] binary = {0, 1, 2, (byte) 0xff, 10};
        try (ServerHarness h = ServerHarness.start("", echo)) {
            FlightCallHeaders headers = new FlightCallHeaders();
            headers.insert("x-tenant", "acme");
            headers.insert("x-context-bin", binary);
            h.read(h.call("Echo", "{}", new HeaderCallOption(headers)));

            CallContext ctx = seen.get();
            assertEquals(List.of("acme"), ctx.headers().get("x-tenant"));
            assertTrue(ctx.headers().keySet().stream().noneMatch(name -> name.endsWith("-bin")), ctx.headers()::toString);
            assertArrayEquals(binary, ctx.binaryHeader("X-Context-Bin").orElseThrow());
            assertEquals(1, ctx.binaryHeaders().get("x-context-bin").size());
        }
    }

    @Test
    void theFlexconnectSectionSetsTheCallDeadline() throws Exception {
        Gate gate = new Gate();
        Settings settings = Settings.fromToml(ServerHarness.BASE_TOML, Map.of(
                "GOODDATA_FLIGHT_FLEXCONNECT__CALL_DEADLINE_MS", "300"));
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder().settings(settings)
                .function(gate.function("Gate")))) {
            ErrorInfo info = assertProtocolError(failure(() -> h.call("Gate", "{}")), ErrorCode.TIMEOUT,
                    FlightStatus.TIMED_OUT);
            assertTrue(info.msg().contains("300 ms"), info.msg());
            assertTrue(gate.interrupted.await(30, TimeUnit.SECONDS), "the function was cancelled");
        }
    }

    @Test
    void anUpperCaseBooleanFromTheEnvironmentTurnsASettingOn() throws Exception {
        TestFunction broken = TestFunction.sample("Broken", ctx -> {
            throw new IllegalStateException("connection pool exhausted");
        });
        Settings settings = Settings.fromToml(ServerHarness.BASE_TOML, Map.of(
                "GOODDATA_FLIGHT_FLEXFUN__ERROR_STACK_TRACES", "TRUE"));
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder().settings(settings).function(broken))) {
            ErrorInfo info = assertProtocolError(failure(() -> h.call("Broken", "{}")), ErrorCode.COMMAND_FAILED,
                    FlightStatus.FAILED);
            assertTrue(info.detail().startsWith("java.lang.IllegalStateException: connection pool exhausted"),
                    info.detail());
        }
    }

    private static String taskIdOfPoll(ErrorInfo poll) throws Exception {
        String retry = Json.MAPPER.readTree(poll.body()).get("retry_descriptor").asText();
        byte[] descriptor = java.util.Base64.getDecoder().decode(retry);
        String command = new String(org.apache.arrow.flight.FlightDescriptor.deserialize(
                java.nio.ByteBuffer.wrap(descriptor)).getCommand(), StandardCharsets.UTF_8);
        return command.substring(2);
    }
}
