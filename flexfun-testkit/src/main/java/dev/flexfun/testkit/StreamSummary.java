package dev.flexfun.testkit;

import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What {@link FlexFunTestServer#stream} saw while reading a result batch by batch.
 *
 * @param schema  the result schema as sent (with its metadata)
 * @param rows    rows in all batches
 * @param batches record batches received
 * @param largestBatch rows in the largest batch
 */
public record StreamSummary(Schema schema, long rows, int batches, int largestBatch) {
}
