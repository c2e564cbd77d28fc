package dev.flexfun.runtime;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Batches of a result, produced on demand: each {@link #next()} refills {@link #root()} with the
 * following batch. The root is the same object for the whole stream. A reader either pulls batches
 * with {@link #next()} or has them pushed with {@link #forEachBatch}, not both.
 */
public interface BatchStream extends AutoCloseable {

    /** Takes the batches {@link #forEachBatch} pushes. */
    @FunctionalInterface
    interface BatchConsumer {
        /**
         * Takes one batch. The root's buffers are refilled once this returns: send or copy them here.
         *
         * @param batch {@link #root()}, holding the batch
         * @return {@code true} for the next batch, {@code false} to stop reading
         * @throws Exception when sending the batch failed; it ends {@link #forEachBatch} with it
         */
        boolean accept(VectorSchemaRoot batch) throws Exception;
    }

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
     * Fills {@link #root()} with batch after batch and hands each to {@code consumer}, until the end
     * of the result or until the consumer returns {@code false}. The same batches as {@link #next()}
     * gives; streams that can produce faster by pushing override it (a {@code Stream} of records is
     * written as the stream pushes its elements, without the per-element buffering of its iterator).
     *
     * @param consumer takes each batch on the calling thread
     * @throws Exception when producing a batch failed, or what the consumer threw
     */
    default void forEachBatch(BatchConsumer consumer) throws Exception {
        while (next()) {
            if (!consumer.accept(root())) {
                return;
            }
        }
    }

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
