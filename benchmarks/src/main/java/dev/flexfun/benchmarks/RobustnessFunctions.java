package dev.flexfun.benchmarks;

import dev.flexfun.annotations.FlexFun;
import dev.flexfun.annotations.Param;
import java.util.List;
import org.slf4j.LoggerFactory;
import java.util.stream.Stream;

/** The functions the robustness harness calls: a slow one and a large lazy stream. */
public final class RobustnessFunctions {
    private RobustnessFunctions() {
    }

    /** One row.  */
    public record Slept(long ms) {
    }

    /**
     * Sleeps {@code parameters.ms}, then returns one row. Interrupted (a cancelled call), it logs
     * {@code sleep_interrupted} with the epoch milliseconds, which the harness compares with when its
     * client gave up (and, for sleeps of 5 s or more, {@code sleep_started} when it begins).
     */
    @FlexFun(name = "Sleep", description = "sleeps ms milliseconds, then returns one row")
    public static List<Slept> sleep(@Param("ms") long ms) throws InterruptedException {
        if (ms >= 5000) { // only the harness's give-up call: the overload's calls stay quiet
            LoggerFactory.getLogger(RobustnessFunctions.class).warn("sleep_started");
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            LoggerFactory.getLogger(RobustnessFunctions.class).warn("sleep_interrupted at_ms={}",
                    System.currentTimeMillis());
            throw e;
        }
        return List.of(new Slept(ms));
    }

    /** {@code parameters.rows} sample rows as a lazy stream. */
    @FlexFun(name = "ManyRows", description = "rows sample rows, made as they are read")
    public static Stream<SampleRow> manyRows(@Param("rows") long rows) {
        return SampleData.stream(rows);
    }
}
