package dev.flexfun.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Kept batches: readers share the kept buffers (no copy); references decide when they are freed. */
@Timeout(30)
class SharedBatchesTest {
    private static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("id", new ArrowType.Int(64, true)), Field.nullable("name", ArrowType.Utf8.INSTANCE)));

    private static SharedBatches keep(BufferAllocator allocator, int batches, int rows) {
        SharedBatches.Builder builder = SharedBatches.builder(SCHEMA, allocator);
        for (int b = 0; b < batches; b++) {
            try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator)) {
                BigIntVector id = (BigIntVector) root.getVector("id");
                VarCharVector name = (VarCharVector) root.getVector("name");
                for (int r = 0; r < rows; r++) {
                    id.setSafe(r, (long) b * rows + r);
                    if (r % 3 != 0) {
                        name.setSafe(r, ("row-" + r).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
                root.setRowCount(rows);
                builder.add(root);
            }
        }
        return builder.build();
    }

    private static List<Long> readIds(FlexResult result, BufferAllocator allocator) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (BatchStream stream = result.open(allocator)) {
            assertTrue(stream.sharesImmutableBuffers());
            while (stream.next()) {
                BigIntVector id = (BigIntVector) stream.root().getVector("id");
                for (int r = 0; r < stream.root().getRowCount(); r++) {
                    ids.add(id.get(r));
                }
            }
        }
        return ids;
    }

    @Test
    void readersShareTheKeptBuffersInsteadOfCopyingThem() throws Exception {
        try (RootAllocator root = new RootAllocator();
                BufferAllocator kept = root.newChildAllocator("function-cache", 0, Long.MAX_VALUE);
                BufferAllocator reader = root.newChildAllocator("doget", 0, Long.MAX_VALUE)) {
            SharedBatches batches = keep(kept, 2, 1000);
            long keptBytes = kept.getAllocatedMemory();
            try (FlexResult result = FlexResult.shared(batches);
                    BatchStream stream = result.open(reader)) {
                assertTrue(stream.next());
                BigIntVector id = (BigIntVector) stream.root().getVector("id");
                VarCharVector name = (VarCharVector) stream.root().getVector("name");
                assertEquals(batches.batch(0).getBuffers().get(1).memoryAddress(), id.getDataBuffer().memoryAddress(),
                        "the reader's vector is the kept data buffer itself");
                assertEquals(batches.batch(0).getBuffers().get(4).memoryAddress(), name.getDataBuffer().memoryAddress());
                assertEquals("row-1", name.getObject(1).toString());
                // Beyond the kept data, a reader holds only what Arrow rebuilds: validity bitmaps of columns without nulls.
                assertTrue(kept.getAllocatedMemory() - keptBytes < keptBytes / 20,
                        () -> "reader " + (kept.getAllocatedMemory() - keptBytes) + " bytes, kept " + keptBytes);
                assertEquals(0, reader.getAllocatedMemory(), "the reader's vectors live with the kept batches");
            }
            batches.close();
            assertEquals(0, kept.getAllocatedMemory());
        }
    }

    @Test
    void manyReadersReadTheSameRowsAndTheBatchesOutliveTheirOwnerUntilTheLastResultCloses() throws Exception {
        try (RootAllocator root = new RootAllocator();
                BufferAllocator kept = root.newChildAllocator("function-cache", 0, Long.MAX_VALUE);
                BufferAllocator readers = root.newChildAllocator("readers", 0, Long.MAX_VALUE)) {
            SharedBatches batches = keep(kept, 3, 100);
            FlexResult first = FlexResult.shared(batches);
            FlexResult second = FlexResult.shared(batches);
            batches.close(); // the owner lets go (e.g. shutdown) while results are still kept
            batches.close(); // idempotent
            assertTrue(batches.isOpen());
            List<Long> expected = java.util.stream.LongStream.range(0, 300).boxed().toList();
            assertEquals(expected, readIds(first, readers));
            assertEquals(expected, readIds(first, readers), "repeatable");
            assertEquals(expected, readIds(second, readers));
            first.close();
            first.close();
            assertTrue(batches.isOpen());
            second.close();
            assertFalse(batches.isOpen());
            assertEquals(0, kept.getAllocatedMemory(), "freed with the last reference");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> FlexResult.shared(batches));
            assertTrue(e.getMessage().contains("closed and freed"), e.getMessage());
        }
    }

    @Test
    void aBatchOfAnotherSchemaIsRefused() {
        try (RootAllocator root = new RootAllocator();
                VectorSchemaRoot other = VectorSchemaRoot.create(new Schema(List.of(
                        Field.nullable("x", ArrowType.Utf8.INSTANCE))), root)) {
            SharedBatches.Builder builder = SharedBatches.builder(SCHEMA, root);
            assertThrows(IllegalArgumentException.class, () -> builder.add(other));
            builder.discard();
        }
    }
}
