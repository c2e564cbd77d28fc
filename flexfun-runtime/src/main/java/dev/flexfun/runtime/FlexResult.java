package dev.flexfun.runtime;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The outcome of one call, kept by the server between GetFlightInfo and DoGet.
 *
 * <p>A result is either <em>repeatable</em> (materialised data, e.g. a {@code List} of records:
 * it can be opened again while the server keeps it) or single-use (a {@code Stream} or
 * {@code Iterator}: the second {@link #open} fails with COMMAND_RESULT_CONSUMED).
 */
public interface FlexResult extends AutoCloseable {

    /** {@return the schema of the batches as they are sent: only the requested columns, with result metadata} */
    Schema schema();

    /** {@return whether {@link #open} may be called more than once} */
    boolean isRepeatable();

    /**
     * Whether this result is known, before it is read, to be at most one batch made from data already
     * in memory (a materialised result of at most the batch size). The server then sends it from the
     * thread that asked for it, without handing it to a stream thread; a result that is not sent in
     * one batch, or whose first batch may block (a query, a lazy stream), must answer {@code false}.
     *
     * @return {@code true} only when known; {@code false} (the default) when unknown
     */
    default boolean isSingleBatch() {
        return false;
    }

    /**
     * Opens a stream of batches whose vectors are allocated from {@code allocator}. Callers close
     * the returned stream; for a single-use result, closing it also ends the result.
     *
     * @param allocator where the batches' vectors are allocated
     * @return the batches, which the caller closes
     * @throws ResultConsumedException when a single-use result was already opened
     */
    BatchStream open(BufferAllocator allocator);

    /** Releases everything the result holds (the user's stream or iterator, materialised vectors). */
    @Override
    void close();

    /**
     * {@return a repeatable result over vectors the caller filled; the result takes ownership of
     * the root}
     *
     * @param root the filled vectors
     */
    static FlexResult of(VectorSchemaRoot root) {
        return new RootResult(root);
    }

    /**
     * A repeatable result over batches the function keeps between calls, sent to every reader
     * without copying; the result holds a reference to them until the server drops it.
     *
     * @param batches the kept batches; the result retains a reference to them
     * @return a repeatable result that serves {@code batches}
     * @throws IllegalStateException when {@code batches} were closed and freed already
     */
    static FlexResult shared(SharedBatches batches) {
        return new SharedResult(batches);
    }

    /**
     * {@return a single-use result over an Arrow reader; the result takes ownership of the reader}
     *
     * @param reader the reader of the result's batches, closed with the result
     */
    static FlexResult of(ArrowReader reader) {
        return new ReaderResult(reader, null);
    }

    /**
     * A single-use result over an Arrow reader that depends on {@code resources} (e.g. the JDBC
     * statement and connection a database's Arrow export reads from): when the result is closed,
     * the reader is closed first, then the resources. The result takes ownership of both.
     *
     * @param reader the reader of the result's batches, closed with the result
     * @param resources what the reader depends on, closed after it; not {@code null}
     * @return a single-use result over {@code reader}
     */
    static FlexResult of(ArrowReader reader, AutoCloseable resources) {
        return new ReaderResult(reader, java.util.Objects.requireNonNull(resources, "resources"));
    }
}
