package dev.flexfun.benchmarks;

import dev.flexfun.annotations.FlexFun;
import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexResult;
import dev.flexfun.runtime.ResultConsumedException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The DoGet benchmark's baseline: the same rows as {@code SampleStream} (read from the same lazy
 * stream), written batch by batch with plain per-value {@code setSafe}, as most people write
 * vector code by hand. Same schema as the generated adapter's; the benchmark checks both send
 * identical batches before it measures.
 */
@FlexFun
public final class HandWrittenSampleFunction implements FlexFunction {
    static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("attribute1", ArrowType.Utf8.INSTANCE),
            Field.nullable("attribute2", ArrowType.Utf8.INSTANCE),
            Field.notNullable("attribute3", ArrowType.Bool.INSTANCE),
            Field.notNullable("fact1", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Field.notNullable("fact2", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Field.notNullable("fact3", new ArrowType.Int(64, true))));

    @Override
    public String name() {
        return "SampleHandWritten";
    }

    @Override
    public String description() {
        return "rows sample rows written with plain setSafe (hand-written baseline)";
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public FlexResult call(CallContext ctx) {
        return new StreamResult(SampleData.stream(ctx.parameters().path("rows").asLong()), ctx.batchSize());
    }

    /** Single-use, like any Stream result: the rows are written while DoGet reads the batches. */
    private static final class StreamResult implements FlexResult {
        private final Stream<SampleRow> rows;
        private final int batchSize;
        private final AtomicBoolean opened = new AtomicBoolean();

        StreamResult(Stream<SampleRow> rows, int batchSize) {
            this.rows = rows;
            this.batchSize = batchSize;
        }

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        @Override
        public boolean isRepeatable() {
            return false;
        }

        @Override
        public BatchStream open(BufferAllocator allocator) {
            if (!opened.compareAndSet(false, true)) {
                throw new ResultConsumedException("The result of SampleHandWritten was already read.");
            }
            return new SetSafeBatches(rows.iterator(), VectorSchemaRoot.create(SCHEMA, allocator), batchSize, this);
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    private static final class SetSafeBatches implements BatchStream {
        private final Iterator<SampleRow> rows;
        private final VectorSchemaRoot root;
        private final int batchSize;
        private final StreamResult result;
        private final VarCharVector attribute1;
        private final VarCharVector attribute2;
        private final BitVector attribute3;
        private final Float8Vector fact1;
        private final Float8Vector fact2;
        private final BigIntVector fact3;

        SetSafeBatches(Iterator<SampleRow> rows, VectorSchemaRoot root, int batchSize, StreamResult result) {
            this.rows = rows;
            this.root = root;
            this.batchSize = batchSize;
            this.result = result;
            attribute1 = (VarCharVector) root.getVector("attribute1");
            attribute2 = (VarCharVector) root.getVector("attribute2");
            attribute3 = (BitVector) root.getVector("attribute3");
            fact1 = (Float8Vector) root.getVector("fact1");
            fact2 = (Float8Vector) root.getVector("fact2");
            fact3 = (BigIntVector) root.getVector("fact3");
        }

        @Override
        public VectorSchemaRoot root() {
            return root;
        }

        @Override
        public boolean next() {
            // The previous batch has been sent: overwrite the same vectors from index 0 (as the JMH
            // hand-written writer does); setSafe grows them while the first batch is written.
            int index = 0;
            while (index < batchSize && rows.hasNext()) {
                SampleRow row = rows.next();
                setString(attribute1, index, row.attribute1());
                setString(attribute2, index, row.attribute2());
                attribute3.setSafe(index, row.attribute3() ? 1 : 0);
                fact1.setSafe(index, row.fact1());
                fact2.setSafe(index, row.fact2());
                fact3.setSafe(index, row.fact3());
                index++;
            }
            root.setRowCount(index);
            return index > 0;
        }

        private static void setString(VarCharVector vector, int index, String value) {
            if (value == null) {
                vector.setNull(index);
            } else {
                vector.setSafe(index, value.getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void close() {
            root.close();
            result.close();
        }
    }
}
