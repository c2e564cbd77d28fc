package dev.flexfun.cli.output;

import java.io.IOException;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes a result in one output format, batch by batch as it arrives (a result never has to fit
 * in memory). The root is the same object for every batch; its vectors hold the current batch.
 */
public interface ResultWriter {
    /**
     * Before the first batch (also for an empty result): the columns and the schema metadata.
     *
     * @param root the result's root, with its schema; no batch loaded yet
     * @throws IOException when writing fails
     */
    void start(VectorSchemaRoot root) throws IOException;

    /**
     * The root's rows ({@code root.getRowCount()}) are the next batch.
     *
     * @param root the result's root, holding the batch
     * @throws IOException when writing fails
     */
    void batch(VectorSchemaRoot root) throws IOException;

    /**
     * After the last batch; flushes.
     *
     * @throws IOException when writing or flushing fails
     */
    void finish() throws IOException;
}
