package dev.flexfun.runtime;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** A repeatable result over one filled root, sent as a single batch each time it is opened. */
final class RootResult implements FlexResult {
    private final VectorSchemaRoot root;

    RootResult(VectorSchemaRoot root) {
        this.root = java.util.Objects.requireNonNull(root, "root");
    }

    @Override
    public Schema schema() {
        return root.getSchema();
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isSingleBatch() {
        return true;
    }

    @Override
    public BatchStream open(BufferAllocator allocator) {
        // The root is shared by every reader; readers only read it, and the result owns it.
        return new BatchStream() {
            private boolean sent;

            @Override
            public VectorSchemaRoot root() {
                return root;
            }

            @Override
            public boolean next() {
                if (sent) {
                    return false;
                }
                sent = true;
                return true;
            }

            @Override
            public void close() {
                // The root outlives its readers; FlexResult.close frees it.
            }
        };
    }

    @Override
    public void close() {
        root.close();
    }
}
