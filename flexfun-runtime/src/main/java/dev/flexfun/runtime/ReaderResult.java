package dev.flexfun.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/** A single-use result over an {@link ArrowReader} (and what it reads from) that the result owns. */
final class ReaderResult implements FlexResult {
    private final ArrowReader reader;
    private final AutoCloseable resources;
    private final Schema schema;
    private final AtomicBoolean opened = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param resources closed after the reader, or {@code null} */
    ReaderResult(ArrowReader reader, AutoCloseable resources) {
        this.reader = java.util.Objects.requireNonNull(reader, "reader");
        this.resources = resources;
        try {
            this.schema = reader.getVectorSchemaRoot().getSchema();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the schema of the result", e);
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public BatchStream open(BufferAllocator allocator) {
        if (!opened.compareAndSet(false, true)) {
            throw new ResultConsumedException("The result was already read; it can be read only once.");
        }
        return new BatchStream() {
            @Override
            public VectorSchemaRoot root() {
                try {
                    return reader.getVectorSchemaRoot();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean next() throws IOException {
                return reader.loadNextBatch();
            }

            @Override
            public void close() {
                ReaderResult.this.close();
            }
        };
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Exception failure = null;
        try {
            reader.close();
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("Cannot close the result's reader and what it reads from", failure);
        }
    }
}
