package dev.flexfun.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * What a careful author writes by hand: every vector sized once per batch ({@code allocateNew} with
 * the batch's row count and exact string bytes), then plain {@code set} with no capacity checks, and
 * each distinct string encoded to UTF-8 once (the sample shares its strings, as real data often does).
 * The fair baseline for the generated adapter; {@link HandWrittenWriter} is the naive one.
 */
final class FairHandWrittenWriter {
    private final Map<String, byte[]> utf8 = new IdentityHashMap<>();

    void write(List<SampleRow> rows, VectorSchemaRoot root, int batchSize, Consumer<VectorSchemaRoot> sink) {
        VarCharVector attribute1 = (VarCharVector) root.getVector("attribute1");
        VarCharVector attribute2 = (VarCharVector) root.getVector("attribute2");
        BitVector attribute3 = (BitVector) root.getVector("attribute3");
        Float8Vector fact1 = (Float8Vector) root.getVector("fact1");
        Float8Vector fact2 = (Float8Vector) root.getVector("fact2");
        BigIntVector fact3 = (BigIntVector) root.getVector("fact3");
        for (int start = 0; start < rows.size(); start += batchSize) {
            List<SampleRow> batch = rows.subList(start, Math.min(rows.size(), start + batchSize));
            int count = batch.size();
            long bytes1 = 0;
            long bytes2 = 0;
            for (SampleRow row : batch) {
                bytes1 += length(row.attribute1());
                bytes2 += length(row.attribute2());
            }
            attribute1.allocateNew(bytes1, count);
            attribute2.allocateNew(bytes2, count);
            attribute3.allocateNew(count);
            fact1.allocateNew(count);
            fact2.allocateNew(count);
            fact3.allocateNew(count);
            for (int index = 0; index < count; index++) {
                SampleRow row = batch.get(index);
                set(attribute1, index, row.attribute1());
                set(attribute2, index, row.attribute2());
                attribute3.set(index, row.attribute3() ? 1 : 0);
                fact1.set(index, row.fact1());
                fact2.set(index, row.fact2());
                fact3.set(index, row.fact3());
            }
            root.setRowCount(count);
            sink.accept(root);
        }
    }

    private long length(String value) {
        return value == null ? 0 : encoded(value).length;
    }

    private void set(VarCharVector vector, int index, String value) {
        if (value == null) {
            vector.setNull(index);
        } else {
            vector.set(index, encoded(value));
        }
    }

    private byte[] encoded(String value) {
        return utf8.computeIfAbsent(value, s -> s.getBytes(StandardCharsets.UTF_8));
    }
}
