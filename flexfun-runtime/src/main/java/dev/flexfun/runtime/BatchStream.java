package dev.flexfun.runtime;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Batches of a result, produced on demand: each {@link #next()} refills {@link #root()} with the
 * following batch. The root is the same object for the whole stream.
 */
public interface BatchStream extends AutoCloseable {

    /** The vectors each batch is written into. */
    VectorSchemaRoot root();

    /** Fills {@link #root()} with the next batch; returns {@code false} (leaving it empty) at the end. */
    boolean next() throws Exception;

    /** Frees the vectors and whatever the stream reads from. Idempotent. */
    @Override
    void close();
}
