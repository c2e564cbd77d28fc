package dev.flexfun.benchmarks;

import dev.flexfun.annotations.FlexFun;
import dev.flexfun.annotations.OnLoad;
import dev.flexfun.annotations.OnShutdown;
import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexResult;
import dev.flexfun.runtime.ServerContext;
import dev.flexfun.runtime.SharedBatches;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The cached-data benchmark: the same rows as {@code SampleStream}, built once per row count (by the
 * generated adapter) and kept as {@link SharedBatches}; every call returns {@code FlexResult.shared},
 * so readers send the kept buffers without copying them. The pattern of a function that loads a table
 * once and serves it many times, against which the Python server's cached table is measured.
 */
@FlexFun
public final class CachedSampleFunction implements FlexFunction {
    static final String NAME = "SampleCached";

    private static BufferAllocator allocator;
    /** Guarded by the class: the kept table and its row count. */
    private static SharedBatches table;
    private static long tableRows = -1;

    @OnLoad
    public static synchronized void load(ServerContext server) {
        allocator = server.newAllocator("sample-cached");
    }

    @OnShutdown
    public static synchronized void close() {
        if (table != null) {
            table.close();
            table = null;
        }
        if (allocator != null) {
            allocator.close();
            allocator = null;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "rows sample rows kept in memory between calls and served without copying";
    }

    @Override
    public Schema schema() {
        return HandWrittenSampleFunction.SCHEMA;
    }

    @Override
    public FlexResult call(CallContext ctx) throws Exception {
        return FlexResult.shared(tableOf(ctx.parameters().path("rows").asLong(), ctx));
    }

    /** The kept table of {@code rows} rows, built on first use (a call for another row count replaces it). */
    private static synchronized SharedBatches tableOf(long rows, CallContext ctx) throws Exception {
        if (tableRows != rows) {
            if (table != null) {
                table.close(); // readers still sending it keep their own references
            }
            table = build(rows, ctx);
            tableRows = rows;
        }
        return table;
    }

    /** Writes the rows with the generated adapter and keeps each batch's buffers (moved, not copied). */
    private static SharedBatches build(long rows, CallContext ctx) throws Exception {
        SharedBatches.Builder kept = SharedBatches.builder(HandWrittenSampleFunction.SCHEMA, allocator);
        try (FlexResult fresh = new StreamedSampleFunctions_sampleStreamAdapter().call(ctx);
                BatchStream batches = fresh.open(allocator)) {
            batches.forEachBatch(batch -> {
                // The adapter refills its vectors: move this batch's buffers into a root of its own first.
                try (VectorSchemaRoot own = VectorSchemaRoot.create(HandWrittenSampleFunction.SCHEMA, allocator)) {
                    for (int i = 0; i < own.getFieldVectors().size(); i++) {
                        batch.getVector(i).makeTransferPair(own.getVector(i)).transfer();
                    }
                    own.setRowCount(batch.getRowCount());
                    kept.add(own);
                }
                return true;
            });
        } catch (Exception | Error e) {
            kept.discard();
            throw e;
        }
        return kept.build();
    }
}
