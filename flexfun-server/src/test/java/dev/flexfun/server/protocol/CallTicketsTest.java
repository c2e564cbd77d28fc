package dev.flexfun.server.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The deferred ticket format: what it carries, and that no altered, foreign or old ticket passes. */
@Timeout(20)
class CallTicketsTest {
    private static final String KEY = "a".repeat(32);
    private static final String OTHER_KEY = "b".repeat(32);
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final byte[] COMMAND = "{\"functionName\":\"Sample\",\"parameters\":{\"columns\":[\"fact1\"]}}"
            .getBytes(StandardCharsets.UTF_8);

    private static CallTickets tickets(Instant now, String... keys) {
        return new CallTickets(List.of(keys), Duration.ofMinutes(5), 1 << 20, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static void assertInvalid(String messagePart, Runnable verify) {
        FlexFunException e = assertThrows(FlexFunException.class, verify::run);
        assertEquals(ErrorCode.INVALID_TICKET, e.code());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void carriesTheCommandTheCallerAndTheExpiry() {
        CallTickets tickets = tickets(NOW, KEY);
        CallTickets.Contents contents = tickets.verify(tickets.sign(COMMAND, "token-abc"));
        assertArrayEquals(COMMAND, contents.command());
        assertEquals(Optional.of("token-abc"), contents.callerId());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), contents.expiry());
        assertEquals(Optional.empty(), tickets.verify(tickets.sign(COMMAND, null)).callerId());
    }

    @Test
    void everyAlteredByteIsRefused() {
        CallTickets tickets = tickets(NOW, KEY);
        byte[] ticket = tickets.sign(COMMAND, "token-abc");
        for (int i = 0; i < ticket.length; i++) {
            byte[] altered = ticket.clone();
            altered[i] ^= 0x01;
            FlexFunException e = assertThrows(FlexFunException.class, () -> tickets.verify(altered), "byte " + i);
            assertEquals(ErrorCode.INVALID_TICKET, e.code(), "byte " + i);
        }
        assertInvalid("not a deferred ticket", () -> tickets.verify(Arrays.copyOf(ticket, 10)));
        assertInvalid("does not match", () -> tickets.verify(Arrays.copyOf(ticket, ticket.length - 1)));
    }

    @Test
    void expiresAfterItsTime() {
        byte[] ticket = tickets(NOW, KEY).sign(COMMAND, null);
        tickets(NOW.plus(Duration.ofMinutes(5)).minusMillis(1), KEY).verify(ticket);
        assertInvalid("expired at 2026-01-01T00:05:00Z", () -> tickets(NOW.plus(Duration.ofMinutes(5)), KEY).verify(ticket));
    }

    @Test
    void theFirstKeySignsAndEveryKeyVerifies() {
        byte[] byRetiredKey = tickets(NOW, OTHER_KEY).sign(COMMAND, null);
        byte[] byCurrentKey = tickets(NOW, KEY, OTHER_KEY).sign(COMMAND, null);
        CallTickets rotated = tickets(NOW, KEY, OTHER_KEY);
        assertArrayEquals(COMMAND, rotated.verify(byRetiredKey).command());
        assertArrayEquals(COMMAND, rotated.verify(byCurrentKey).command());
        assertInvalid("a key this server does not have", () -> tickets(NOW, OTHER_KEY).verify(byCurrentKey));
    }

    @Test
    void anEagerTicketIsNotADeferredOne() {
        assertInvalid("eager invocation mode", () -> tickets(NOW, KEY).verify(TaskTicket.encode("0".repeat(32))));
    }

    @Test
    void aCommandOfTheLargestAcceptedSizeFitsCompressibleOrNot() {
        int max = 1 << 20;
        CallTickets tickets = tickets(NOW, KEY);
        byte[] random = new byte[max];
        new Random(7).nextBytes(random); // incompressible: carried raw
        byte[] ticket = tickets.sign(random, "token-abc");
        assertTrue(ticket.length <= tickets.maxTicketBytes(), ticket.length + " bytes");
        assertArrayEquals(random, tickets.verify(ticket).command());
        byte[] repetitive = "{\"a\":1}".repeat(max / 7).getBytes(StandardCharsets.UTF_8); // deflated
        byte[] small = tickets.sign(repetitive, null);
        assertTrue(small.length < max / 100, small.length + " bytes");
        assertArrayEquals(repetitive, tickets.verify(small).command());
    }

    @Test
    void aCallerIdTooLongToCarryIsABadArgument() {
        BadArgumentException e = assertThrows(BadArgumentException.class,
                () -> tickets(NOW, KEY).sign(COMMAND, "x".repeat(5000)));
        assertTrue(e.getMessage().contains("The caller's id is 5000 bytes long"), e.getMessage());
    }
}
