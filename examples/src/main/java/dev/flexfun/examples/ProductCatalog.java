package dev.flexfun.examples;

import dev.flexfun.runtime.SharedBatches;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The table {@link CachedProductsFunction} keeps: a product catalog, built once into Arrow batches.
 * A real function would load it from a warehouse or a Parquet file; here the rows are generated
 * (product {@code i} is in category {@code i % 7} and costs {@code 1 + i % 1000 / 100.0}).
 */
final class ProductCatalog {
    static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("product_id", new ArrowType.Int(64, true)),
            Field.nullable("product", ArrowType.Utf8.INSTANCE),
            Field.nullable("category", ArrowType.Utf8.INSTANCE),
            Field.nullable("price", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))));
    static final String[] CATEGORIES = {"books", "garden", "games", "kitchen", "music", "sports", "tools"};

    private ProductCatalog() {
    }

    /** {@code rows} products in batches of at most {@code batchRows}, kept in {@code allocator}. */
    static SharedBatches build(BufferAllocator allocator, int rows, int batchRows) {
        SharedBatches.Builder batches = SharedBatches.builder(SCHEMA, allocator);
        try {
            for (int start = 0; start < rows; start += batchRows) {
                // A new root per batch: the kept batch shares its buffers, which must not be refilled.
                try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator)) {
                    fill(root, start, Math.min(batchRows, rows - start));
                    batches.add(root);
                }
            }
            return batches.build();
        } catch (RuntimeException e) {
            batches.discard();
            throw e;
        }
    }

    private static void fill(VectorSchemaRoot root, int start, int count) {
        BigIntVector id = (BigIntVector) root.getVector("product_id");
        VarCharVector product = (VarCharVector) root.getVector("product");
        VarCharVector category = (VarCharVector) root.getVector("category");
        Float8Vector price = (Float8Vector) root.getVector("price");
        for (int r = 0; r < count; r++) {
            long i = start + r;
            id.setSafe(r, i);
            product.setSafe(r, ("product-" + i).getBytes(StandardCharsets.UTF_8));
            category.setSafe(r, CATEGORIES[(int) (i % CATEGORIES.length)].getBytes(StandardCharsets.UTF_8));
            price.setSafe(r, 1 + (i % 1000) / 100.0);
        }
        root.setRowCount(count);
    }
}
