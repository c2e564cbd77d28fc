package dev.flexfun.runtime.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The label-elements request: every schema field, its defaults, and its depends-on kinds. */
class LabelElementsExecutionRequestTest {

    private static ExecutionContext withRequest(String requestJson) {
        ObjectNode payload = Payloads.labelElements();
        payload.set("labelElementsExecutionRequest", Payloads.json(requestJson));
        payload.put("timestamp", "2024-09-12T12:51:26+00:00").put("timezone", "Etc/UTC");
        return ExecutionContext.parse(payload);
    }

    @Test
    void onlyTheLabelIsRequired() {
        LabelElementsExecutionRequest request = withRequest("{\"label\": \"country\"}")
                .labelElementsExecutionRequest().orElseThrow();
        assertEquals(new LabelElementsExecutionRequest("country", OptionalInt.empty(), OptionalInt.empty(), false,
                List.of(), Optional.empty(), false, List.of(), List.of(), Optional.empty()), request);
    }

    @Test
    void everyField() {
        LabelElementsExecutionRequest request = withRequest("""
                {"label": "city", "offset": 20, "limit": 10, "excludePrimaryLabel": true,
                 "exactFilter": ["Brno", null], "patternFilter": "br", "complementFilter": true,
                 "dependsOn": [
                   {"label": "country", "values": ["CZ"]},
                   {"dateFilter": {"relativeDateFilter": {"from": -1, "to": -1, "granularity": "MONTH",
                                                          "dataset": {"id": "order_date", "type": "dataset"}}}},
                   {"dateFilter": {"absoluteDateFilter": {"from": "2024-01-01", "to": "2024-01-31",
                                                          "dataset": {"id": "ship_date", "type": "dataset"}}}},
                   {"somethingElse": 1}],
                 "validateBy": [{"id": "revenue", "type": "metric"}, {"id": "city", "type": "LABEL"},
                                {"id": "a", "type": "attribute"}],
                 "filterBy": {"labelType": "PRIMARY"}}""").labelElementsExecutionRequest().orElseThrow();

        assertEquals("city", request.label());
        assertEquals(OptionalInt.of(20), request.offset());
        assertEquals(OptionalInt.of(10), request.limit());
        assertEquals(true, request.excludePrimaryLabel());
        assertEquals(Arrays.asList("Brno", null), request.exactFilter());
        assertEquals(Optional.of("br"), request.patternFilter());
        assertEquals(true, request.complementFilter());
        assertEquals(Optional.of(new LabelElementsExecutionRequest.FilterBy(Optional.of("PRIMARY"))),
                request.filterBy());
        assertEquals(List.of(new ValidateByItem("revenue", ValidateByItem.Type.METRIC),
                new ValidateByItem("city", ValidateByItem.Type.LABEL),
                new ValidateByItem("a", ValidateByItem.Type.ATTRIBUTE)), request.validateBy());

        List<DependsOn> dependsOn = request.dependsOn();
        assertEquals(4, dependsOn.size());
        assertEquals(new DependsOn.OnLabel("country", List.of("CZ"), false), dependsOn.get(0));
        assertEquals(new DependsOn.OnDateFilter(new RelativeDateFilter(-1, -1, DateGranularity.MONTH, "order_date")),
                dependsOn.get(1));
        assertEquals(new DependsOn.OnDateFilter(new AbsoluteDateFilter("2024-01-01", "2024-01-31", "ship_date")),
                dependsOn.get(2));
        DependsOn.Unknown unknown = assertInstanceOf(DependsOn.Unknown.class, dependsOn.get(3));
        assertEquals(Payloads.json("{\"somethingElse\": 1}"), unknown.raw());
    }

    @Test
    void dependsOnDateFiltersResolveAgainstTheContext() {
        ExecutionContext context = withRequest("""
                {"label": "city", "dependsOn": [
                   {"dateFilter": {"relativeDateFilter": {"from": -1, "to": -1, "granularity": "MONTH",
                                                          "dataset": {"id": "order_date", "type": "dataset"}}}}]}""");
        var onDate = (DependsOn.OnDateFilter) context.labelElementsExecutionRequest().orElseThrow().dependsOn().get(0);
        DateRange lastMonth = context.dateRange(onDate.dateFilter());
        assertEquals(LocalDateTime.parse("2024-08-01T00:00"), lastMonth.fromLocal());
        assertEquals(LocalDateTime.parse("2024-09-01T00:00"), lastMonth.toLocal());
    }

    @Test
    void dependsOnErrorsNameNestedPaths() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.flexfun.runtime.BadArgumentException.class,
                () -> withRequest("""
                        {"label": "city", "dependsOn": [
                           {"dateFilter": {"absoluteDateFilter": {"from": "2024-01-01", "to": "2024-01-31",
                                                                  "dataset": {"type": "dataset"}}}}]}"""));
        assertEquals("parameters.executionContext.labelElementsExecutionRequest.dependsOn[0].dateFilter"
                + ".absoluteDateFilter.dataset.id is required but is missing.", e.getMessage());
    }

    @Test
    void labelDependsOnKeepsNullValues() {
        var onLabel = (DependsOn.OnLabel) withRequest("""
                {"label": "city", "dependsOn": [{"label": "country", "values": [null], "complementFilter": false}]}""")
                .labelElementsExecutionRequest().orElseThrow().dependsOn().get(0);
        assertEquals(Arrays.asList((String) null), onLabel.values());
        assertFalse(onLabel.complementFilter());
    }
}
