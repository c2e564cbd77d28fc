package dev.flexfun.benchmarks;

import dev.flexfun.runtime.BatchStream;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.CallContextBuilder;
import dev.flexfun.runtime.FlexFunction;
import dev.flexfun.runtime.FlexResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Writes 1,000,000 sample rows into Arrow vectors in 65,536-row batches, four ways. Every way
 * fills the same vectors from the same records; the batches go to a Blackhole (no transport).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WriteBenchmark {
    static final int ROWS = 1_000_000;
    static final int BATCH = CallContextBuilder.DEFAULT_BATCH_SIZE;

    private BufferAllocator allocator;
    private List<SampleRow> rows;
    private FlexFunction generated;
    private VectorSchemaRoot handWrittenRoot;
    private VectorSchemaRoot fairRoot;
    private FairHandWrittenWriter fair;
    private VectorSchemaRoot reflectionRoot;
    private ReflectionWriter reflection;

    @Setup(Level.Trial)
    public void setUp() {
        allocator = new RootAllocator();
        rows = SampleData.generate(ROWS);
        SampleData.use(rows);
        generated = new SampleFunctions_sampleAdapter();
        // The hand-written and reflection writers use the same schema the processor derived.
        handWrittenRoot = VectorSchemaRoot.create(generated.schema(), allocator);
        reflectionRoot = VectorSchemaRoot.create(generated.schema(), allocator);
        fairRoot = VectorSchemaRoot.create(generated.schema(), allocator);
        fair = new FairHandWrittenWriter();
        reflection = new ReflectionWriter(SampleRow.class);
        checkAllWritersAgree();
    }

    /** Before measuring: the four ways must produce the same batches, or the comparison means nothing. */
    private void checkAllWritersAgree() {
        try {
            List<String> expected = new ArrayList<>();
            HandWrittenWriter.write(rows, handWrittenRoot, BATCH, root -> expected.add(root.contentToTSVString()));
            List<String> byFairHand = new ArrayList<>();
            fair.write(rows, fairRoot, BATCH, root -> byFairHand.add(root.contentToTSVString()));
            List<String> byReflection = new ArrayList<>();
            reflection.write(rows, reflectionRoot, BATCH, root -> byReflection.add(root.contentToTSVString()));
            List<String> byAdapter = new ArrayList<>();
            try (FlexResult result = generated.call(CallContext.builder().batchSize(BATCH).build());
                    BatchStream stream = result.open(allocator)) {
                while (stream.next()) {
                    byAdapter.add(stream.root().contentToTSVString());
                }
            }
            if (expected.size() != (ROWS + BATCH - 1) / BATCH || !expected.equals(byFairHand) || !expected.equals(byReflection)
                    || !expected.equals(byAdapter)) {
                throw new IllegalStateException("The writers disagree; the benchmark would compare different work.");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        handWrittenRoot.close();
        fairRoot.close();
        reflectionRoot.close();
        allocator.close();
    }

    @Benchmark
    public void generatedAdapter(Blackhole sink) throws Exception {
        try (FlexResult result = generated.call(CallContext.builder().batchSize(BATCH).build());
                BatchStream stream = result.open(allocator)) {
            while (stream.next()) {
                sink.consume(stream.root());
            }
        }
    }

    /**
     * The generated adapter writing only some columns (the call's {@code columns} hint): where its
     * time goes, column by column. Not a comparison; run it alone with {@code WriteBenchmark.generatedAdapterColumns}.
     */
    @Benchmark
    public void generatedAdapterColumns(ColumnSubset subset, Blackhole sink) throws Exception {
        try (FlexResult result = generated.call(CallContext.builder().batchSize(BATCH).columns(subset.columns()).build());
                BatchStream stream = result.open(allocator)) {
            while (stream.next()) {
                sink.consume(stream.root());
            }
        }
    }

    /** The column subsets {@link #generatedAdapterColumns} writes. */
    @State(Scope.Benchmark)
    public static class ColumnSubset {
        @Param({"attribute1", "attribute2", "attribute1,attribute2", "attribute3,fact1,fact2,fact3", "fact3"})
        public String columns;

        String[] columns() {
            return columns.split(",");
        }
    }

    @Benchmark
    public void handWrittenSetSafe(Blackhole sink) {
        HandWrittenWriter.write(rows, handWrittenRoot, BATCH, sink::consume);
    }

    @Benchmark
    public void handWrittenSizedOnce(Blackhole sink) {
        fair.write(rows, fairRoot, BATCH, sink::consume);
    }

    @Benchmark
    public void reflectionAccessors(Blackhole sink) throws ReflectiveOperationException {
        reflection.write(rows, reflectionRoot, BATCH, sink::consume);
    }
}
