package dev.flexfun.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexfun.runtime.context.ExecutionContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: parsing the execution context every small call carries (the one {@link SmallCalls} sends),
 * the part of a call's CPU that is FlexFun's own work on the function's side.
 *
 * <pre>./benchmarks/run.sh ExecutionContextBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class ExecutionContextBenchmark {
    private JsonNode parameters;

    @Setup
    public void setUp() throws Exception {
        parameters = new ObjectMapper().readTree(SmallCalls.COMMAND).get("parameters");
    }

    @Benchmark
    public ExecutionContext parse() {
        return ExecutionContext.fromParameters(parameters).orElseThrow();
    }
}
