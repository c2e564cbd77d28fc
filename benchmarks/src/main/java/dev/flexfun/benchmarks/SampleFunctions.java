package dev.flexfun.benchmarks;

import dev.flexfun.annotations.FlexFun;
import java.util.List;

/** The function whose generated adapter the benchmark measures. */
public final class SampleFunctions {
    private SampleFunctions() {
    }

    @FlexFun(name = "Sample")
    public static List<SampleRow> sample() {
        return SampleData.rows();
    }
}
