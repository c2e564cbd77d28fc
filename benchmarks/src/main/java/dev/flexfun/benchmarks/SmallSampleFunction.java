package dev.flexfun.benchmarks;

import dev.flexfun.annotations.FlexFun;
import dev.flexfun.runtime.context.ExecutionContext;
import java.util.List;

/**
 * The small call the latency benchmark makes: the FlexFunction template's sample (six rows of the
 * 6-column sample schema), taking the execution context GoodData sends with every call, so a call
 * parses one as a real one does.
 */
public final class SmallSampleFunction {
    static final String NAME = "SmallSample";

    static final List<SampleRow> ROWS = List.of(
            new SampleRow("id1", "value1", true, 123.456, 0.1, 111),
            new SampleRow("id2", "value2", true, 23.45, 0.2, 222),
            new SampleRow("id3", "value3", true, 8.76, 0.3, 333),
            new SampleRow("id4", "value1", false, 1.23, 0.15, 444),
            new SampleRow("id5", "value2", false, 34.56, 0.25, 555),
            new SampleRow("id6", "value3", false, 567.89, 0.35, 666));

    private SmallSampleFunction() {
    }

    @FlexFun(name = NAME, description = "The template's six sample rows (small-call benchmark)")
    public static List<SampleRow> small(ExecutionContext executionContext) {
        return ROWS;
    }
}
