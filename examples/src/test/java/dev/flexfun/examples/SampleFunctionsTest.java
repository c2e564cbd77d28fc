package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.context.ExecutionContext;
import dev.flexfun.testkit.ExecutionContextBuilder;
import dev.flexfun.runtime.context.ExecutionType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The sample functions called directly, as plain Java, with the real payloads. */
class SampleFunctionsTest {

    private static ExecutionContext context(String sample) {
        return CallContext.builder().executionContextJson(Samples.json(sample)).build().requireExecutionContext();
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.REPORT, Samples.LABEL_ELEMENTS})
    void sampleReturnsTheSixTemplateRowsForEitherExecution(String sample) {
        List<SampleRow> rows = SampleFunctions.sample(context(sample));

        assertEquals(List.of(
                new SampleRow("id1", "value1", true, 123.456, 0.1, 111),
                new SampleRow("id2", "value2", true, 23.45, 0.2, 222),
                new SampleRow("id3", "value3", true, 8.76, 0.3, 333),
                new SampleRow("id4", "value1", false, 1.23, 0.15, 444),
                new SampleRow("id5", "value2", false, 34.56, 0.25, 555),
                new SampleRow("id6", "value3", false, 567.89, 0.35, 666)), rows);
    }

    @Test
    void thePayloadsAreOfBothKinds() {
        assertEquals(ExecutionType.REPORT, context(Samples.REPORT).executionType());
        assertEquals(ExecutionType.LABEL_ELEMENTS, context(Samples.LABEL_ELEMENTS).executionType());
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.REPORT, Samples.LABEL_ELEMENTS})
    void filteredDropsWhatTheNegativeFilterExcludes(String sample) {
        // Both payloads carry negativeAttributeFilter attribute1 notIn [id1].
        CallContext call = CallContext.builder().build();
        List<SampleRow> rows = SampleFunctions.filtered(Optional.of(context(sample)), 10, Optional.empty(), call);

        assertEquals(List.of("id2", "id3", "id4", "id5", "id6"), rows.stream().map(SampleRow::attribute1).toList());
        assertTrue(call.dataSourceMessages().isEmpty());
    }

    @Test
    void filteredKeepsOnlyWhatAPositiveFilterSelects() {
        // The test kit writes the execution context GoodData would send; no JSON copied by hand.
        ExecutionContext context = ExecutionContextBuilder.report()
                .attribute("attribute1", "Attribute 1")
                .positiveFilter("attribute2", "value3", "value1")
                .build();

        List<SampleRow> rows = SampleFunctions.filtered(Optional.of(context), 10, Optional.empty(),
                CallContext.builder().build());

        assertEquals(List.of("id1", "id3", "id4", "id6"), rows.stream().map(SampleRow::attribute1).toList());
    }

    @Test
    void filteredAppliesMinFact1AndWorksWithoutAContext() {
        List<SampleRow> rows = SampleFunctions.filtered(Optional.empty(), 10, Optional.of(30.0),
                CallContext.builder().build());

        assertEquals(List.of("id1", "id5", "id6"), rows.stream().map(SampleRow::attribute1).toList());
    }

    @Test
    void filteredCutsAtTheLimitAndSaysSo() {
        CallContext call = CallContext.builder().taskId("t-1").build();
        List<SampleRow> rows = SampleFunctions.filtered(Optional.of(context(Samples.REPORT)), 2, Optional.empty(), call);

        assertEquals(List.of("id2", "id3"), rows.stream().map(SampleRow::attribute1).toList());
        assertEquals(1, call.dataSourceMessages().size());
        assertEquals("3 of 5 rows left out (limit 2)", call.dataSourceMessages().get(0).data().asText());
        assertEquals("t-1", call.dataSourceMessages().get(0).correlationId());
    }

    @Test
    void aNegativeLimitIsTheCallersError() {
        BadArgumentException e = assertThrows(BadArgumentException.class,
                () -> SampleFunctions.filtered(Optional.empty(), -1, Optional.empty(), CallContext.builder().build()));
        assertEquals("Parameter 'limit' (parameters.limit) must be 0 or more, found -1.", e.getMessage());
    }
}
