package dev.flexfun.runtime;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Batches of a result, produced on demand: each {@link #next()} refills {@link #root()} with the
 * following batch. The root is the same object for the whole stream.
 */
public interface BatchStream extends AutoCloseable {

    /** {@return the vectors each batch is written into} */
    VectorSchemaRoot root();

    /**
     * Fills {@link #root()} with the next batch.
     *
     * @return {@code false} (leaving the root empty) at the end, {@code true} otherwise
     * @throws Exception when producing the batch failed: the user's code threw, or a value did not
     *     fit
     * its column
     */
    boolean next() throws Exception;

    /**
     * Whether each batch's buffers stay unchanged once {@link #next()} has produced them (kept,
     * immutable data such as {@link SharedBatches}), so the server may hand them to the transport
     * without copying. {@code false} for streams that refill the same buffers.
     *
     * @return whether produced batches' buffers are immutable; {@code false} by default
     */
    default boolean sharesImmutableBuffers() {
        return false;
    }

    /** Frees the vectors and whatever the stream reads from. Idempotent. */
    @Override
    void close();
}
