package dev.flexfun.examples;

import dev.flexfun.annotations.FlexFun;
import dev.flexfun.annotations.OnLoad;
import dev.flexfun.annotations.OnShutdown;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.runtime.FlexFunException;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexResult;
import dev.flexfun.runtime.ServerContext;
import dev.flexfun.runtime.SharedBatches;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A function that keeps a table between calls and serves it to every caller without copying it: the
 * pattern of the Python template's large-data examples (load once, serve many times).
 *
 * <ul>
 *   <li>{@code @OnLoad}: builds the table once, in an allocator of its own
 *       ({@code server.newAllocator}), as {@link SharedBatches}.</li>
 *   <li>each call returns {@code FlexResult.shared(table)}: concurrent readers send the kept
 *       buffers themselves; the result holds a reference until the server drops it.</li>
 *   <li>{@code @OnShutdown}: gives the table and the allocator back, so the server stops clean.</li>
 * </ul>
 *
 * Settings ({@code config/functions.toml}): {@code [cached_products] rows} (default 100,000) and
 * {@code batch_rows} (default 65,536).
 */
@FlexFun
public final class CachedProductsFunction implements FlexFunction {
    static final int DEFAULT_ROWS = 100_000;
    static final int DEFAULT_BATCH_ROWS = 65_536;

    /** What the function keeps: the table and the allocator it lives in. */
    record Kept(BufferAllocator allocator, SharedBatches table) implements AutoCloseable {
        @Override
        public void close() {
            table.close();
            allocator.close(); // results still being read keep their buffers alive (Arrow moves the accounting)
        }
    }

    private static volatile Kept kept;

    @OnLoad
    public static void load(ServerContext server) {
        var section = server.section("cached_products");
        int rows = section.path("rows").asInt(DEFAULT_ROWS);
        int batchRows = section.path("batch_rows").asInt(DEFAULT_BATCH_ROWS);
        if (rows < 0 || batchRows < 1) {
            throw new IllegalArgumentException("Settings cached_products.rows (" + rows + ") must be 0 or more and"
                    + " cached_products.batch_rows (" + batchRows + ") positive.");
        }
        keep(server.newAllocator("cached-products"), rows, batchRows);
    }

    @OnShutdown
    public static void close() {
        Kept current = kept;
        kept = null;
        if (current != null) {
            current.close();
        }
    }

    /** Builds and keeps the table in {@code allocator} (which it then owns); tests call this directly. */
    static void keep(BufferAllocator allocator, int rows, int batchRows) {
        try {
            kept = new Kept(allocator, ProductCatalog.build(allocator, rows, batchRows));
        } catch (RuntimeException e) {
            allocator.close();
            throw e;
        }
    }

    /** The kept table's buffer bytes (0 when none is kept). */
    static long keptBytes() {
        Kept current = kept;
        return current == null ? 0 : current.table().bufferBytes();
    }

    @Override
    public String name() {
        return "CachedProducts";
    }

    @Override
    public String description() {
        return "A product catalog kept in memory between calls and served without copying";
    }

    @Override
    public Schema schema() {
        return ProductCatalog.SCHEMA;
    }

    @Override
    public FlexResult call(CallContext ctx) {
        Kept current = kept;
        if (current == null) {
            throw new FlexFunException(ErrorCode.NOT_READY, "The product catalog is not loaded (yet); retry shortly.");
        }
        return FlexResult.shared(current.table());
    }
}
