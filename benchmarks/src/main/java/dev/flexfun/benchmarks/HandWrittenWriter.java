package dev.flexfun.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** What most people write by hand: setSafe per value into one reused root, one batch at a time. */
final class HandWrittenWriter {
    private HandWrittenWriter() {
    }

    static void write(List<SampleRow> rows, VectorSchemaRoot root, int batchSize, Consumer<VectorSchemaRoot> sink) {
        VarCharVector attribute1 = (VarCharVector) root.getVector("attribute1");
        VarCharVector attribute2 = (VarCharVector) root.getVector("attribute2");
        BitVector attribute3 = (BitVector) root.getVector("attribute3");
        Float8Vector fact1 = (Float8Vector) root.getVector("fact1");
        Float8Vector fact2 = (Float8Vector) root.getVector("fact2");
        BigIntVector fact3 = (BigIntVector) root.getVector("fact3");
        int index = 0;
        for (SampleRow row : rows) {
            setString(attribute1, index, row.attribute1());
            setString(attribute2, index, row.attribute2());
            attribute3.setSafe(index, row.attribute3() ? 1 : 0);
            fact1.setSafe(index, row.fact1());
            fact2.setSafe(index, row.fact2());
            fact3.setSafe(index, row.fact3());
            if (++index == batchSize) {
                root.setRowCount(index);
                sink.accept(root);
                index = 0;
            }
        }
        if (index > 0) {
            root.setRowCount(index);
            sink.accept(root);
        }
    }

    private static void setString(VarCharVector vector, int index, String value) {
        if (value == null) {
            vector.setNull(index);
        } else {
            vector.setSafe(index, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
