package dev.flexfun.server.execution;

import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.FlexResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A result as it is sent: only the columns the caller asked for, in the function's schema order
 * (the protocol's "requested columns in schema order", which generated adapters already write),
 * and the call's data-source messages in the schema metadata. A function may return all columns;
 * the extra ones are simply not sent. Sends the function's vectors as they are (no copy).
 */
final class ShapedResult implements FlexResult {
    private final FlexResult inner;
    private final Schema schema;
    private final List<String> columns;

    private ShapedResult(FlexResult inner, Schema schema, List<String> columns) {
        this.inner = inner;
        this.schema = schema;
        this.columns = columns;
    }

    /**
     * {@code inner} itself when it already has exactly the target shape.
     *
     * @param columns the requested columns (all when empty); every one must be in {@code inner}'s schema
     */
    static FlexResult of(FlexResult inner, List<String> columns, java.util.Map<String, String> extraMetadata) {
        Schema target = schemaOf(inner.schema(), columns, extraMetadata);
        if (target.equals(inner.schema())) {
            return inner;
        }
        return new ShapedResult(inner, target, target.getFields().stream().map(Field::getName).toList());
    }

    /** The schema a result of schema {@code source} is sent with when the call asked for {@code columns}. */
    static Schema schemaOf(Schema source, List<String> columns, java.util.Map<String, String> extraMetadata) {
        java.util.Set<String> requested = new java.util.HashSet<>(columns);
        List<Field> fields = new ArrayList<>(source.getFields().size());
        boolean all = requested.isEmpty(); // not "requested is empty by now": that would add the columns after the last one
        for (Field field : source.getFields()) {
            if (all || requested.remove(field.getName())) {
                fields.add(field);
            }
        }
        if (!requested.isEmpty()) {
            throw new IllegalArgumentException("The result of the function has no column(s) " + requested
                    + "; its columns are " + source.getFields().stream().map(Field::getName).toList() + ".");
        }
        java.util.Map<String, String> metadata = new java.util.LinkedHashMap<>(source.getCustomMetadata());
        metadata.putAll(extraMetadata);
        return new Schema(fields, metadata);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public boolean isRepeatable() {
        return inner.isRepeatable();
    }

    @Override
    public boolean isSingleBatch() {
        return inner.isSingleBatch();
    }

    @Override
    public BatchStream open(BufferAllocator allocator) {
        BatchStream source = inner.open(allocator);
        return new BatchStream() {
            private VectorSchemaRoot view;

            @Override
            public VectorSchemaRoot root() {
                VectorSchemaRoot full = source.root();
                if (view == null) {
                    List<FieldVector> vectors = new ArrayList<>(columns.size());
                    for (String name : columns) {
                        vectors.add(full.getVector(name));
                    }
                    view = new VectorSchemaRoot(schema, vectors, full.getRowCount());
                }
                return view;
            }

            @Override
            public boolean next() throws Exception {
                boolean more = source.next();
                root().setRowCount(source.root().getRowCount());
                return more;
            }

            @Override
            public void forEachBatch(BatchConsumer consumer) throws Exception {
                source.forEachBatch(full -> {
                    VectorSchemaRoot shaped = root();
                    shaped.setRowCount(full.getRowCount());
                    return consumer.accept(shaped);
                });
            }

            @Override
            public boolean sharesImmutableBuffers() {
                return source.sharesImmutableBuffers();
            }

            @Override
            public void close() {
                // The view does not own the vectors: the source stream does.
                source.close();
            }
        };
    }

    @Override
    public void close() {
        inner.close();
    }
}
