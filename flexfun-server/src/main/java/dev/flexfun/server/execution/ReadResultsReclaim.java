package dev.flexfun.server.execution;

import java.util.function.BooleanSupplier;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.AllocationOutcome;

/**
 * What Arrow asks when an allocation would pass {@code flexfun.arrow_memory_limit_mb}: before the call
 * fails with BACKPRESSURE, the results kept only for a repeated read (read once already) are dropped,
 * and the allocation is tried once more.
 *
 * <p>A read result otherwise holds its call's Arrow memory until {@code task_result_ttl_sec}: a
 * hand-written function's vectors, or a reference to a function's {@code SharedBatches}, which keeps
 * a table the function has since replaced alive. A few large results read in a row refused the next
 * calls for a minute, though nobody would read them again.
 *
 * <p>Set on the server's allocator and on the functions' own ones (their children inherit it). Those
 * are made before the execution whose results it drops: {@link #dropFrom} connects the two.
 */
public final class ReadResultsReclaim implements AllocationListener {
    private volatile BooleanSupplier dropReadResults = () -> false;

    /** From now on, a failed allocation drops {@code execution}'s read results. */
    public void dropFrom(CallExecution execution) {
        this.dropReadResults = execution::dropReadResults;
    }

    @Override
    public boolean onFailedAllocation(long size, AllocationOutcome outcome) {
        return dropReadResults.getAsBoolean();
    }
}
