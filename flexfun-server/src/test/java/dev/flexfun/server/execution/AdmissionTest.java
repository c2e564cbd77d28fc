package dev.flexfun.server.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Admission: how many calls may wait follows what the pool can finish within the deadline. */
class AdmissionTest {
    private static final long MS = 1_000_000;

    @Test
    void untilARunIsMeasuredTheThreadsAndTheWaitingBoundAreAdmitted() {
        Admission admission = new Admission(2, 3, Duration.ofSeconds(5));
        for (int i = 0; i < 5; i++) {
            assertTrue(admission.tryAdmit(), "call " + i);
        }
        assertFalse(admission.tryAdmit(), "2 running + 3 waiting: the sixth is refused");
        admission.left(-1);
        assertTrue(admission.tryAdmit(), "a place given back is taken again");
    }

    @Test
    void callsThatCouldNotFinishWithinTheDeadlineAreNotAdmitted() {
        // 32 threads, 1 s runs, 5 s deadline: one round of runs fits before a waiting call's own run
        // within half the deadline, so 32 may wait (the bound of 100 does not matter).
        Admission admission = new Admission(32, 100, Duration.ofSeconds(5));
        admission.tryAdmit();
        admission.left(1000 * MS);
        assertEquals(32, admission.waitingAllowed());

        // Runs as long as half the deadline: nobody may wait; only free threads take calls.
        Admission slow = new Admission(4, 100, Duration.ofSeconds(5));
        slow.tryAdmit();
        slow.left(2600 * MS);
        assertEquals(0, slow.waitingAllowed());
        for (int i = 0; i < 4; i++) {
            assertTrue(slow.tryAdmit());
        }
        assertFalse(slow.tryAdmit());
    }

    @Test
    void fastRunsAreLimitedByTheWaitingBound() {
        Admission admission = new Admission(8, 16, Duration.ofSeconds(180));
        admission.tryAdmit();
        admission.left(10 * MS);
        assertEquals(16, admission.waitingAllowed());
    }

    @Test
    void theTypicalRunTimeMovesSlowlyWithOneOutlier() {
        Admission admission = new Admission(10, 1000, Duration.ofSeconds(10));
        admission.tryAdmit();
        admission.left(100 * MS); // typical 100 ms: 49 rounds before its own run in 5 s
        assertEquals(490, admission.waitingAllowed());
        admission.tryAdmit();
        admission.left(4100 * MS); // one slow run: typical 100 + 4000/8 = 600 ms
        assertEquals(70, admission.waitingAllowed());
    }

    @Test
    void aCallWhoseClientWaitsLessThanItsWaitAndRunWouldTakeIsRefusedUnlessAThreadIsFree() {
        // 2 threads, 1 s runs, 10 s deadline: 8 may wait by the deadline rule.
        Admission admission = new Admission(2, 100, Duration.ofSeconds(10));
        admission.tryAdmit();
        admission.left(1000 * MS);
        assertTrue(admission.tryAdmit(500 * MS), "a free thread: it starts now, whatever its budget");
        assertTrue(admission.tryAdmit(500 * MS), "the second free thread too");
        assertFalse(admission.tryAdmit(1500 * MS), "1 s of waiting + 1 s of running do not fit in 1.5 s");
        assertTrue(admission.tryAdmit(2000 * MS), "first to wait: one round, then its own run, fits in 2 s");
        assertTrue(admission.tryAdmit(2000 * MS), "second to wait: still one round (two threads)");
        assertFalse(admission.tryAdmit(2000 * MS), "third to wait: two rounds before its run");
        assertTrue(admission.tryAdmit(3000 * MS), "which fit in 3 s");
        assertEquals(5, admission.admitted());
    }
}
