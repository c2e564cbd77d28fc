package dev.flexfun.server.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.AllocationOutcome;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * A function's allocator (and every child it makes) asks the server's listener to make room when the
 * root's limit is reached: a function rebuilding its cached table gets the memory that results already
 * read held, instead of BACKPRESSURE.
 */
class FunctionAllocatorsTest {
    private static final long LIMIT = 1 << 20;

    @Test
    void anAllocationOverTheLimitIsRetriedAfterTheListenerMadeRoom() {
        try (RootAllocator root = new RootAllocator(LIMIT)) {
            ArrowBuf[] heldByAReadResult = {root.buffer(LIMIT * 3 / 4)};
            AtomicInteger asked = new AtomicInteger();
            AllocationListener freesTheReadResult = new AllocationListener() {
                @Override
                public boolean onFailedAllocation(long size, AllocationOutcome outcome) {
                    asked.incrementAndGet();
                    if (heldByAReadResult[0] == null) {
                        return false;
                    }
                    heldByAReadResult[0].close();
                    heldByAReadResult[0] = null;
                    return true;
                }
            };
            FunctionAllocators allocators = new FunctionAllocators(root, freesTheReadResult);
            BufferAllocator function = allocators.newAllocator("cached");
            try (BufferAllocator table = function.newChildAllocator("table", 0, Long.MAX_VALUE);
                    ArrowBuf rebuilt = table.buffer(LIMIT / 2)) {
                assertEquals(LIMIT / 2, rebuilt.capacity());
                assertEquals(1, asked.get(), "the listener was asked once, and the retry succeeded");
                assertThrows(OutOfMemoryException.class, () -> table.buffer(LIMIT), "nothing left to free: refused");
                assertEquals(2, asked.get());
            }
            assertTrue(allocators.closeOrReport(), "every function allocator is closed, nothing leaked");
        }
    }
}
