package dev.flexfun.examples;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.flexfun.annotations.FlexFun;
import dev.flexfun.annotations.Param;
import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.DataSourceMessage;
import dev.flexfun.runtime.context.ExecutionContext;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The FlexFunction template's sample function, and a variant that honours the execution context. */
public final class SampleFunctions {
    private static final Logger LOG = LoggerFactory.getLogger(SampleFunctions.class);

    /** The same six rows as the template's sample function. */
    static final List<SampleRow> ROWS = List.of(
            new SampleRow("id1", "value1", true, 123.456, 0.1, 111L),
            new SampleRow("id2", "value2", true, 23.45, 0.2, 222L),
            new SampleRow("id3", "value3", true, 8.76, 0.3, 333L),
            new SampleRow("id4", "value1", false, 1.23, 0.15, 444L),
            new SampleRow("id5", "value2", false, 34.56, 0.25, 555L),
            new SampleRow("id6", "value3", false, 567.89, 0.35, 666L));

    private SampleFunctions() {
    }

    /**
     * The template's sample: always the six rows. It needs an execution context (a call without
     * one is a BAD_ARGUMENT) only to log what GoodData is computing.
     */
    @FlexFun(name = "SampleFlexFunction", description = "The six sample rows of the FlexFunction template")
    public static List<SampleRow> sample(ExecutionContext executionContext) {
        switch (executionContext.executionType()) {
            case REPORT -> LOG.info("SampleFlexFunction serves a report execution: workspace {}, user {}",
                    executionContext.workspaceId(), executionContext.userId());
            case LABEL_ELEMENTS -> LOG.info("SampleFlexFunction serves the elements of label {}: workspace {}, user {}",
                    executionContext.labelElementsExecutionRequest().map(r -> r.label()).orElse("?"),
                    executionContext.workspaceId(), executionContext.userId());
        }
        return ROWS;
    }

    /**
     * The sample rows that pass the execution context's filters on {@code attribute1} and
     * {@code attribute2} (positive and negative attribute filters), with {@code fact1} at least
     * {@code parameters.minFact1} when given, at most {@code parameters.limit} of them. When the
     * limit cuts rows, a data-source message says how many were left out. Serves calls without an
     * execution context too (then nothing is filtered by attribute).
     */
    @FlexFun(name = "FilteredSample", description = "The sample rows that pass the execution context's filters")
    public static List<SampleRow> filtered(Optional<ExecutionContext> executionContext, @Param("limit") int limit,
            @Param("minFact1") Optional<Double> minFact1, CallContext call) {
        if (limit < 0) {
            throw new BadArgumentException("Parameter 'limit' (parameters.limit) must be 0 or more, found " + limit + ".");
        }
        List<SampleRow> passing = ROWS.stream()
                .filter(row -> executionContext.map(ec -> ec.accepts("attribute1", row.attribute1())
                        && ec.accepts("attribute2", row.attribute2())).orElse(true))
                .filter(row -> minFact1.map(min -> row.fact1() >= min).orElse(true))
                .toList();
        if (passing.size() <= limit) {
            return passing;
        }
        call.addDataSourceMessage(new DataSourceMessage("FilteredSample", call.taskId(), "warning",
                TextNode.valueOf(
                        (passing.size() - limit) + " of " + passing.size() + " rows left out (limit " + limit + ")")));
        return passing.subList(0, limit);
    }
}
