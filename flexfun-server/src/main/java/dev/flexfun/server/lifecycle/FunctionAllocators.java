package dev.flexfun.server.lifecycle;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The allocators functions keep data in between calls ({@code ServerContext.newAllocator}): children
 * of the server's root, beside the server's own allocator, so the server's leak check does not count
 * them and results can share their buffers without copying. At shutdown, after the {@code @OnShutdown}
 * hooks, those left open are reported (not as a leak of the server: the function still owns them).
 */
public final class FunctionAllocators {
    private static final Logger LOG = LoggerFactory.getLogger(FunctionAllocators.class);

    private final BufferAllocator root;
    private final AllocationListener listener;
    private final List<BufferAllocator> created = new ArrayList<>();

    /** @param listener hears of the functions' allocations (the server's, to make room when memory runs short) */
    public FunctionAllocators(BufferAllocator root, AllocationListener listener) {
        this.root = root;
        this.listener = listener;
    }

    public synchronized BufferAllocator newAllocator(String name) {
        BufferAllocator allocator = root.newChildAllocator("function-" + name, listener, 0, Long.MAX_VALUE);
        created.add(allocator);
        return allocator;
    }

    /**
     * Closes the empty ones a function forgot to close; logs those still holding memory.
     *
     * @return whether every function allocator is closed now
     */
    public synchronized boolean closeOrReport() {
        boolean allClosed = true;
        for (BufferAllocator allocator : created) {
            long held = allocator.getAllocatedMemory();
            if (held == 0) {
                allocator.close(); // idempotent for one closed already by its function
            } else {
                allClosed = false;
                LOG.atWarn().addKeyValue("allocator", allocator.getName()).addKeyValue("held_bytes", held)
                        .log("function_allocator_open: a function kept Arrow memory until the end; close it in an"
                                + " @OnShutdown hook");
            }
        }
        return allClosed;
    }
}
