package dev.flexfun.benchmarks;

import dev.flexfun.annotations.FlexFun;
import dev.flexfun.annotations.Param;
import java.util.stream.Stream;

/**
 * The function the DoGet benchmark reads: a real {@code @FlexFun} method returning a lazy stream,
 * served through the adapter the processor generates (rows are made while DoGet writes them).
 */
public final class StreamedSampleFunctions {
    private StreamedSampleFunctions() {
    }

    /** {@code parameters.rows} sample rows, made as they are read. */
    @FlexFun(name = "SampleStream", description = "rows sample rows as a lazy Stream (generated adapter)")
    public static Stream<SampleRow> sampleStream(@Param("rows") long rows) {
        return SampleData.stream(rows);
    }
}
