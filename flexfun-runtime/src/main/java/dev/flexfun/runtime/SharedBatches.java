package dev.flexfun.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Arrow record batches a function keeps between calls (a cached table) and serves to any number of
 * concurrent readers without copying: return {@link FlexResult#shared(SharedBatches)} from a call.
 * Readers share the kept buffers themselves (Arrow counts the references to each buffer), so serving
 * a reader costs no copy of the data and no memory of its own beyond a little bookkeeping.
 *
 * <p>Reference counted: whoever made the batches holds the first reference and gives it up with
 * {@link #close()} (typically in an {@code @OnShutdown} hook); each result holds one from the call
 * that returned it until the server drops the result. The batches are freed when the last
 * reference is given up, so closing while calls still read is safe. The kept buffers must never be
 * written again: readers send them as they are.
 *
 * <p>Readers' vectors come from the batches' own allocator, not from the call's: the transport may
 * still hold the kept buffers after a read has ended, until it has sent them, and must be able to give
 * them back then. So close that allocator only when the server stops ({@code @OnShutdown}), after
 * closing the batches.
 */
public final class SharedBatches implements AutoCloseable {
    private final Schema schema;
    private final BufferAllocator allocator;
    private final List<ArrowRecordBatch> batches;
    private final long rowCount;
    /** The owner's reference plus one per live result; 0 means freed. */
    private final AtomicInteger references = new AtomicInteger(1);
    private final AtomicInteger ownerClosed = new AtomicInteger();

    private SharedBatches(Schema schema, BufferAllocator allocator, List<ArrowRecordBatch> batches) {
        this.schema = schema;
        this.allocator = allocator;
        this.batches = List.copyOf(batches);
        this.rowCount = batches.stream().mapToLong(ArrowRecordBatch::getLength).sum();
    }

    /**
     * Collects batches of one schema, filled in vectors of {@code allocator} (on a server:
     * {@link ServerContext#newAllocator}); the kept batches share the vectors' buffers.
     *
     * @param schema the schema of every batch
     * @param allocator the allocator the batches' vectors are filled in, and readers' vectors come from
     * @return a new, empty builder
     */
    public static Builder builder(Schema schema, BufferAllocator allocator) {
        return new Builder(schema, allocator);
    }

    /** {@return the schema of the batches} */
    public Schema schema() {
        return schema;
    }

    /** {@return how many batches are kept} */
    public int batchCount() {
        return batches.size();
    }

    /** {@return the total number of rows in the kept batches} */
    public long rowCount() {
        return rowCount;
    }

    /** {@return the kept batches' buffer bytes} */
    public long bufferBytes() {
        return batches.stream().mapToLong(ArrowRecordBatch::computeBodyLength).sum();
    }

    /**
     * Takes a reference for a reader; give it back with {@link #release()}.
     *
     * @return these batches
     * @throws IllegalStateException when the batches were freed already
     */
    public SharedBatches retain() {
        int now = references.getAndUpdate(n -> n == 0 ? 0 : n + 1);
        if (now == 0) {
            throw new IllegalStateException("These shared batches were closed and freed; a function must not"
                    + " serve them after closing them.");
        }
        return this;
    }

    /** Gives back a reference taken by {@link #retain()}; the last one frees the batches. */
    public void release() {
        int left = references.decrementAndGet();
        if (left == 0) {
            batches.forEach(ArrowRecordBatch::close);
        } else if (left < 0) {
            references.incrementAndGet();
            throw new IllegalStateException("SharedBatches released more often than retained.");
        }
    }

    /** {@return whether the batches are still there (some reference is held)} */
    public boolean isOpen() {
        return references.get() > 0;
    }

    /** Gives up the owner's reference (idempotent); the batches are freed once no result holds them. */
    @Override
    public void close() {
        if (ownerClosed.compareAndSet(0, 1)) {
            release();
        }
    }

    /**
     * The batch at {@code index}, for a reader holding a reference. The reader loads it into vectors
     * of its own ({@code VectorLoader}), which share its buffers; it must not close it.
     */
    ArrowRecordBatch batch(int index) {
        return batches.get(index);
    }

    /** Where the batches live, and where readers make their vectors. */
    BufferAllocator allocator() {
        return allocator;
    }

    /** Collects the batches; {@link #build()} hands them to a {@link SharedBatches}. */
    public static final class Builder {
        private final Schema schema;
        private final BufferAllocator allocator;
        private final List<ArrowRecordBatch> batches = new ArrayList<>();

        private Builder(Schema schema, BufferAllocator allocator) {
            this.schema = Objects.requireNonNull(schema, "schema");
            this.allocator = Objects.requireNonNull(allocator, "allocator");
        }

        /**
         * Keeps the current contents of {@code root} as one batch, sharing its buffers (no copy).
         * The root may then be closed, or cleared and refilled: new buffers are allocated for it
         * (call {@code root.allocateNew()} or {@code clear()} before refilling, never write into the
         * kept buffers).
         *
         * @param root the filled vectors, allocated from the shared batches' allocator
         * @return this builder
         * @throws IllegalArgumentException when the root's fields are not the schema's, or a vector
         *     was allocated from another allocator
         */
        public Builder add(VectorSchemaRoot root) {
            if (!root.getSchema().getFields().equals(schema.getFields())) {
                throw new IllegalArgumentException("The batch's fields " + root.getSchema().getFields()
                        + " are not those of the shared batches: " + schema.getFields() + ".");
            }
            for (var vector : root.getFieldVectors()) {
                if (vector.getAllocator() != allocator) {
                    throw new IllegalArgumentException("Vector '" + vector.getName() + "' was allocated from "
                            + vector.getAllocator().getName() + ", not from the shared batches' allocator "
                            + allocator.getName() + "; create the root with that allocator.");
                }
            }
            batches.add(new VectorUnloader(root).getRecordBatch());
            return this;
        }

        /** {@return the shared batches holding what was added, with the owner's reference} */
        public SharedBatches build() {
            return new SharedBatches(schema, allocator, batches);
        }

        /** Frees what was added, for a builder that will not be built (e.g. loading failed). */
        public void discard() {
            batches.forEach(ArrowRecordBatch::close);
            batches.clear();
        }
    }
}
