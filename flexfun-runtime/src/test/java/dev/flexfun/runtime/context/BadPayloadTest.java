package dev.flexfun.runtime.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.ErrorCode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Malformed payloads fail with BAD_ARGUMENT naming the JSON path to fix. */
class BadPayloadTest {

    private static String errorFor(ObjectNode payload) {
        BadArgumentException e = assertThrows(BadArgumentException.class, () -> ExecutionContext.parse(payload));
        assertEquals(ErrorCode.BAD_ARGUMENT, e.code());
        return e.getMessage();
    }

    private static String errorForReport(Consumer<ObjectNode> change) {
        ObjectNode payload = Payloads.report();
        change.accept(payload);
        return errorFor(payload);
    }

    @Test
    void missingExecutionType() {
        assertEquals("parameters.executionContext.executionType is required but is missing.",
                errorForReport(p -> p.remove("executionType")));
    }

    @Test
    void nullExecutionType() {
        assertEquals("parameters.executionContext.executionType is required but is null.",
                errorForReport(p -> p.putNull("executionType")));
    }

    @Test
    void executionTypeOfWrongType() {
        assertEquals("parameters.executionContext.executionType must be a string, found number 1.",
                errorForReport(p -> p.put("executionType", 1)));
    }

    @Test
    void unknownExecutionType() {
        assertEquals("parameters.executionContext.executionType must be one of [REPORT, LABEL_ELEMENTS] (any case),"
                + " found \"CHART\".", errorForReport(p -> p.put("executionType", "CHART")));
    }

    @Test
    void unknownWeekStart() {
        assertEquals("parameters.executionContext.weekStart must be one of [SUNDAY, MONDAY] (any case),"
                + " found \"friday\".", errorForReport(p -> p.put("weekStart", "friday")));
    }

    @Test
    void missingRequiredIds() {
        assertEquals("parameters.executionContext.workspaceId is required but is missing.",
                errorForReport(p -> p.remove("workspaceId")));
        assertEquals("parameters.executionContext.userId must be a string, found boolean true.",
                errorForReport(p -> p.put("userId", true)));
    }

    @Test
    void filtersNotAnArray() {
        assertEquals("parameters.executionContext.filters must be an array, found object {}.",
                errorForReport(p -> p.putObject("filters")));
    }

    @Test
    void filterWithoutLabel() {
        assertEquals("parameters.executionContext.filters[1].labelIdentifier is required but is missing.",
                errorFor(Payloads.reportWithFilters("""
                        [{"filterType": "negativeAttributeFilter", "labelIdentifier": "a", "values": []},
                         {"filterType": "positiveAttributeFilter", "values": ["x"]}]""")));
    }

    @Test
    void filterValueOfWrongType() {
        assertEquals("parameters.executionContext.filters[0].values[1] must be a string, found number 2.",
                errorFor(Payloads.reportWithFilters("""
                        [{"filterType": "positiveAttributeFilter", "labelIdentifier": "a", "values": ["1", 2]}]""")));
    }

    @Test
    void relativeDateFilterWithTextOffset() {
        assertEquals("parameters.executionContext.filters[0].from must be an integer, found string \"-1\".",
                errorFor(Payloads.reportWithFilters("""
                        [{"filterType": "relativeDateFilter", "from": "-1", "to": 0, "granularity": "DAY",
                          "datasetIdentifier": "d"}]""")));
    }

    @Test
    void relativeDateFilterWithUnknownGranularity() {
        String message = errorFor(Payloads.reportWithFilters("""
                [{"filterType": "relativeDateFilter", "from": -1, "to": 0, "granularity": "DECADE",
                  "datasetIdentifier": "d"}]"""));
        assertTrue(message.startsWith("parameters.executionContext.filters[0].granularity must be one of [TIMESTAMP,"),
                message);
    }

    @Test
    void absoluteDateFilterWithBadDates() {
        assertEquals("parameters.executionContext.filters[0].to must be a date 'yyyy-MM-dd' or 'yyyy-MM-dd HH:mm',"
                + " found \"31.1.2024\".", errorFor(Payloads.reportWithFilters("""
                        [{"filterType": "absoluteDateFilter", "from": "2024-01-01", "to": "31.1.2024",
                          "datasetIdentifier": "d"}]""")));
        String message = errorFor(Payloads.reportWithFilters("""
                [{"filterType": "absoluteDateFilter", "from": "2024-02-30", "to": "2024-03-01",
                  "datasetIdentifier": "d"}]"""));
        assertTrue(message.startsWith("parameters.executionContext.filters[0].from is not a valid date: \"2024-02-30\""),
                message);
    }

    @Test
    void filterWithoutType() {
        assertEquals("parameters.executionContext.filters[0].filterType is required but is missing.",
                errorFor(Payloads.reportWithFilters("[{\"labelIdentifier\": \"a\"}]")));
    }

    @Test
    void badTimestampAndTimezone() {
        String timestamp = errorForReport(p -> p.put("timestamp", "2024-09-12 12:51"));
        assertTrue(timestamp.startsWith("parameters.executionContext.timestamp must be an ISO-8601 date-time"),
                timestamp);
        String timezone = errorForReport(p -> p.put("timezone", "Mars/Olympus"));
        assertTrue(timezone.startsWith("parameters.executionContext.timezone must be a time zone id"), timezone);
    }

    @Test
    void attributeWithWrongSorting() {
        assertEquals("parameters.executionContext.attributes[0].sorting.sortDirection is required but is missing.",
                errorForReport(p -> ((ObjectNode) p.get("attributes").get(0)).putObject("sorting")
                        .put("sortColumn", "c")));
    }

    @Test
    void reportWithoutItsRequest() {
        assertEquals("parameters.executionContext.reportExecutionRequest is required but is null.",
                errorForReport(p -> p.putNull("reportExecutionRequest")));
    }

    @Test
    void labelElementsWithoutItsRequest() {
        ObjectNode payload = Payloads.labelElements();
        payload.remove("labelElementsExecutionRequest");
        assertEquals("parameters.executionContext.labelElementsExecutionRequest is required but is missing.",
                errorFor(payload));
    }

    @Test
    void labelElementsRequestErrorsNameNestedPaths() {
        ObjectNode payload = Payloads.labelElements();
        ObjectNode request = (ObjectNode) payload.get("labelElementsExecutionRequest");
        ((ObjectNode) request.get("dependsOn").get(0)).put("complementFilter", "yes");
        assertEquals("parameters.executionContext.labelElementsExecutionRequest.dependsOn[0].complementFilter"
                + " must be a boolean, found string \"yes\".", errorFor(payload));

        payload = Payloads.labelElements();
        ((ObjectNode) payload.get("labelElementsExecutionRequest")).put("limit", 0);
        assertEquals("parameters.executionContext.labelElementsExecutionRequest.limit must be at least 1, found 0.",
                errorFor(payload));

        payload = Payloads.labelElements();
        ((ObjectNode) payload.get("labelElementsExecutionRequest").get("validateBy").get(0)).put("type", "table");
        assertEquals("parameters.executionContext.labelElementsExecutionRequest.validateBy[0].type must be one of"
                + " [LABEL, ATTRIBUTE, FACT, METRIC] (any case), found \"table\".", errorFor(payload));
    }

    @Test
    void afmAttributeWithoutLabel() {
        assertEquals("parameters.executionContext.reportExecutionRequest.attributes[0].label.identifier is required"
                + " but is missing.", errorForReport(p -> ((ObjectNode) p.get("reportExecutionRequest")
                        .get("attributes").get(0)).putObject("label")));
    }

    @Test
    void contextThatIsNotAnObject() {
        BadArgumentException e = assertThrows(BadArgumentException.class,
                () -> ExecutionContext.fromParameters(Payloads.json("{\"executionContext\": \"REPORT\"}")));
        assertEquals("parameters.executionContext must be an object, found string \"REPORT\".", e.getMessage());
    }
}
