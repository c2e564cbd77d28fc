package dev.flexfun.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FlexFunExceptionTest {

    @Test
    void aCodeOfYourOwnWithRetryFlagsDetailBodyAndStatus() {
        IllegalStateException cause = new IllegalStateException("pool closed");
        FlexFunException base = FlexFunException.forCode(FlexFunException.RETRY_ELSEWHERE | 1001, "busy");
        FlexFunException e = base.withDetail("queue full").withBody(new byte[] {1, 2})
                .withStatus(FlexFunStatus.UNAVAILABLE).withCause(cause);

        assertEquals(0x20000 + 1001, e.numericCode());
        assertEquals("CODE_132073", e.codeName());
        assertEquals(ErrorCode.COMMAND_FAILED, e.code(), "a code of your own is a kind of failed command");
        assertEquals("busy", e.getMessage());
        assertEquals("queue full", e.detail());
        assertArrayEquals(new byte[] {1, 2}, e.body());
        assertEquals(Optional.of(FlexFunStatus.UNAVAILABLE), e.status());
        assertSame(cause, e.getCause());
        assertEquals(base.getStackTrace()[0], e.getStackTrace()[0], "the copy points where the error was made");
        assertNull(base.detail(), "withers do not change the original");
        assertEquals(Optional.empty(), base.status());
    }

    @Test
    void theProtocolsCodesKeepTheirNames() {
        FlexFunException e = FlexFunException.forCode(ErrorCode.BACKPRESSURE.code(), "overloaded");
        assertEquals(ErrorCode.BACKPRESSURE, e.code());
        assertEquals("BACKPRESSURE", e.codeName());
        assertEquals(ErrorCode.BAD_ARGUMENT, new BadArgumentException("x").withStatus(FlexFunStatus.FAILED).code());
    }

    @Test
    void codesOutsideTheRetryFlagsAreRefused() {
        for (int bad : new int[] {-1, 0x40000, Integer.MAX_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> FlexFunException.forCode(bad, "x"));
            assertEquals("An error code is 0..262143: a number below 0x10000, plus optionally the retry flags"
                    + " RETRY_HERE, RETRY_ELSEWHERE or RETRY_ANYWHERE; was " + bad + ".", e.getMessage());
        }
    }
}
