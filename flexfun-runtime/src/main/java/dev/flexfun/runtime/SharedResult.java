package dev.flexfun.runtime;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A repeatable result over {@link SharedBatches}: it holds a reference from the call until the
 * server drops it; each reader loads the kept batches into vectors of its own that share the kept
 * buffers (no copy). Those vectors come from the batches' allocator, not the reader's: buffers the
 * transport sends without copying are given back after the read has ended, into an allocator that
 * is still open then.
 */
final class SharedResult implements FlexResult {
    private final SharedBatches batches;
    private boolean closed;

    SharedResult(SharedBatches batches) {
        this.batches = batches.retain();
    }

    @Override
    public Schema schema() {
        return batches.schema();
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isSingleBatch() {
        return batches.batchCount() <= 1;
    }

    @Override
    public BatchStream open(BufferAllocator callAllocator) {
        VectorSchemaRoot root = VectorSchemaRoot.create(batches.schema(), batches.allocator());
        VectorLoader loader = new VectorLoader(root);
        return new BatchStream() {
            private int next;

            @Override
            public VectorSchemaRoot root() {
                return root;
            }

            @Override
            public boolean next() {
                if (next == batches.batchCount()) {
                    root.setRowCount(0);
                    return false;
                }
                loader.load(batches.batch(next++)); // retains the kept buffers, releases the previous batch's
                return true;
            }

            @Override
            public boolean sharesImmutableBuffers() {
                return true;
            }

            @Override
            public void close() {
                root.close();
            }
        };
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            batches.release();
        }
    }
}
