package dev.flexfun.server.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flexfun.runtime.BadArgumentException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The byte formats of the protocol, exactly. */
class CodecsTest {

    @Test
    void errorInfoIsCompactJsonWithKeysInOrder() {
        assertEquals("{\"msg\":\"m\",\"detail\":null,\"code\":1,\"body\":null}", ErrorInfo.of("m", null, 1, null).toString());
        assertEquals("{\"msg\":\"m\",\"detail\":\"d\",\"code\":65637,\"body\":\"AAE=\"}",
                ErrorInfo.of("m", "d", 65637, new byte[] {0, 1}).toString());
    }

    @Test
    void textsAreCutOnlyBeyondTheirLimits() {
        assertEquals("x".repeat(256), ErrorInfo.of("x".repeat(256), null, 0, null).msg());
        assertEquals("x".repeat(256) + " [truncated]", ErrorInfo.of("x".repeat(257), null, 0, null).msg());
        assertEquals("y".repeat(512), ErrorInfo.of("", "y".repeat(512), 0, null).detail());
        assertEquals("y".repeat(512) + " [truncated]", ErrorInfo.of("", "y".repeat(513), 0, null).detail());
    }

    @Test
    void ticketsAndDescriptorsAreCompactJson() {
        assertArrayEquals("{\"task_id\":\"abc\"}".getBytes(StandardCharsets.UTF_8), TaskTicket.encode("abc"));
        assertEquals("abc", TaskTicket.decode("{\"task_id\": \"abc\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(BadArgumentException.class, () -> TaskTicket.decode("{}".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals("{\"functionName\":\"F \\\"q\\\"\",\"metadata\":{\"k\":1}}".getBytes(StandardCharsets.UTF_8),
                FunctionDescriptor.encode("F \"q\"", "{ \"k\" : 1 }"));
    }

    @Test
    void retryAndCancelFormsAreAcceptedOnlyWhenPollable() {
        CommandParser parser = new CommandParser(1000);
        byte[] retry = "r:abc".getBytes(StandardCharsets.UTF_8);
        assertEquals(new Command.Retry("abc"), parser.parse(retry, true));
        assertEquals(new Command.Cancel("abc"), parser.parse("c:abc".getBytes(StandardCharsets.UTF_8), true));
        assertThrows(BadArgumentException.class, () -> parser.parse(retry, false));
        assertThrows(BadArgumentException.class, () -> parser.parse("r:".getBytes(StandardCharsets.UTF_8), true));
    }

    @Test
    void numbersInParametersStayExactDecimals() {
        byte[] command = "{\"functionName\": \"F\", \"parameters\": {\"price\": 12.50, \"big\": 12345678901234567890.125}}"
                .getBytes(StandardCharsets.UTF_8);
        Command.Invoke invoke = (Command.Invoke) new CommandParser(1000).parse(command, false);
        assertEquals(new java.math.BigDecimal("12.50"), invoke.parameters().get("price").decimalValue());
        assertEquals(new java.math.BigDecimal("12345678901234567890.125"), invoke.parameters().get("big").decimalValue());
    }
}
