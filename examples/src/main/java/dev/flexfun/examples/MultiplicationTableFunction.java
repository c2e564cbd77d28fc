package dev.flexfun.examples;

import dev.flexfun.annotations.FlexFun;
import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexResult;
import java.util.List;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A hand-written FlexFunction: it declares its schema and fills Arrow vectors itself, for when
 * the data already is columnar or a record type does not fit. {@code @FlexFun} on the class puts
 * it in the generated registry like any annotated method (no adapter is generated); it needs a
 * public no-arg constructor, and one instance serves every call, so it keeps no per-call state.
 */
@FlexFun
public final class MultiplicationTableFunction implements FlexFunction {
    static final int MAX_SIZE = 1_000;
    private static final ArrowType INT = new ArrowType.Int(32, true);
    private static final Schema SCHEMA = new Schema(List.of(
            Field.notNullable("a", INT), Field.notNullable("b", INT), Field.notNullable("product", INT)));

    @Override
    public String name() {
        return "MultiplicationTable";
    }

    @Override
    public String description() {
        return "a x b for a, b in 1..size (hand-written, Arrow vectors)";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    /** Parameters: {@code size} (1..1000, default 10). Returns size * size rows. */
    @Override
    public FlexResult call(CallContext ctx) {
        int size = ctx.parameters().path("size").asInt(10);
        if (size < 1 || size > MAX_SIZE) {
            throw new BadArgumentException("Parameter 'size' must be between 1 and " + MAX_SIZE + ", was " + size + ".");
        }
        int rows = size * size;
        // Vectors come from the call's allocator; the result owns the root and the server closes it.
        VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, ctx.allocator());
        try {
            IntVector a = (IntVector) root.getVector("a");
            IntVector b = (IntVector) root.getVector("b");
            IntVector product = (IntVector) root.getVector("product");
            a.allocateNew(rows);
            b.allocateNew(rows);
            product.allocateNew(rows);
            int row = 0;
            for (int i = 1; i <= size; i++) {
                for (int j = 1; j <= size; j++) {
                    a.set(row, i);
                    b.set(row, j);
                    product.set(row, i * j);
                    row++;
                }
            }
            root.setRowCount(rows);
            return FlexResult.of(root);
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }
}
