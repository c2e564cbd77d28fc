package dev.flexfun.server.execution;

import dev.flexfun.runtime.BatchStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/** Permission to read one result once; the result is not freed while a lease is open. */
public interface ResultLease extends AutoCloseable {

    /** A name for logs, e.g. the function and task id. */
    String description();

    /** The function whose result this is. */
    String functionName();

    String taskId();

    Schema schema();

    /** Whether the result is known to be at most one batch of data in memory ({@link dev.flexfun.runtime.FlexResult#isSingleBatch}). */
    boolean isSingleBatch();

    /** Opens the batches; vectors the stream allocates come from {@code allocator}. */
    BatchStream open(BufferAllocator allocator);

    /** Ends the read; a single-use result is freed now. */
    @Override
    void close();
}
