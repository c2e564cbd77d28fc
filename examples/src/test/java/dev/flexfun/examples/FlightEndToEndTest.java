package dev.flexfun.examples;

import static dev.flexfun.testkit.FlexFunAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.testkit.ArrowResult;
import dev.flexfun.testkit.FlexFunTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples' generated registry served by the real server (in-process, free loopback port),
 * called over Flight RPC through the test kit, whose allocators are leak-checked when it closes.
 */
class FlightEndToEndTest {
    private static final String DATA_SOURCE_MESSAGES = "x-gdc-data-source-messages";
    private static final List<List<Object>> SIX_ROWS = List.of(
            List.of("id1", "value1", true, 123.456, 0.1, 111L),
            List.of("id2", "value2", true, 23.45, 0.2, 222L),
            List.of("id3", "value3", true, 8.76, 0.3, 333L),
            List.of("id4", "value1", false, 1.23, 0.15, 444L),
            List.of("id5", "value2", false, 34.56, 0.25, 555L),
            List.of("id6", "value3", false, 567.89, 0.35, 666L));

    @RegisterExtension
    static final FlexFunTestServer server = FlexFunTestServer.create();

    /** {@code {"executionContext": <sample>, ...extra}} as JSON. */
    private static String withContext(String contextJson, String extraFields) {
        return "{\"executionContext\": " + contextJson + (extraFields.isEmpty() ? "" : ", " + extraFields) + "}";
    }

    /** The sample payload with one field replaced (or removed when {@code value} is null). */
    private static String payloadWith(String field, Object value) throws Exception {
        ObjectNode payload = (ObjectNode) new ObjectMapper().readTree(Samples.json(Samples.REPORT));
        if (value == null) {
            payload.remove(field);
        } else {
            payload.set(field, new ObjectMapper().valueToTree(value));
        }
        return payload.toString();
    }

    private static String badArgument(String function, String parametersJson) {
        return assertFails(ErrorCode.BAD_ARGUMENT, "", () -> server.call(function, parametersJson)).msg();
    }

    private static List<String> columnsOf(Schema schema) {
        return schema.getFields().stream().map(Field::getName).toList();
    }

    private static List<List<Object>> valuesOf(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> (List<Object>) new ArrayList<>(row.values())).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.REPORT, Samples.LABEL_ELEMENTS})
    void sampleFunctionReturnsTheSixRowsForEachPayload(String sample) {
        try (ArrowResult result = server.callArrow("SampleFlexFunction", withContext(Samples.json(sample), ""))) {
            assertEquals(List.of("attribute1", "attribute2", "attribute3", "fact1", "fact2", "fact3"),
                    columnsOf(result.schema()));
            assertEquals(SIX_ROWS, valuesOf(result.rows()));
        }
    }

    @Test
    void sampleSchemaIsTheTemplatesEveryFieldNullable() {
        Schema schema = server.schema("SampleFlexFunction");
        assertEquals("Schema<attribute1: Utf8, attribute2: Utf8, attribute3: Bool, fact1: FloatingPoint(DOUBLE),"
                + " fact2: FloatingPoint(DOUBLE), fact3: Int(64, true)>", schema.toString());
        assertTrue(schema.getFields().stream().allMatch(Field::isNullable), schema::toString);
    }

    @Test
    void requestedColumnsComeInSchemaOrder() {
        try (ArrowResult result = server.callArrow("SampleFlexFunction",
                withContext(Samples.json(Samples.REPORT), "\"columns\": [\"fact3\", \"attribute1\"]"))) {
            assertEquals(List.of("attribute1", "fact3"), columnsOf(result.schema()));
            assertEquals(List.of("id1", 111L), valuesOf(result.rows()).get(0));
        }
    }

    @Test
    void aMissingExecutionTypeIsABadArgumentWithItsPath() throws Exception {
        assertEquals("parameters.executionContext.executionType is required but is missing.",
                badArgument("SampleFlexFunction", withContext(payloadWith("executionType", null), "")));
    }

    @Test
    void aWrongTypeInThePayloadIsABadArgumentWithItsPath() throws Exception {
        assertEquals("parameters.executionContext.workspaceId must be a string, found number 3.",
                badArgument("SampleFlexFunction", withContext(payloadWith("workspaceId", 3), "")));
        assertEquals("parameters.executionContext.executionType must be one of [REPORT, LABEL_ELEMENTS] (any case),"
                + " found \"DASHBOARD\".",
                badArgument("SampleFlexFunction", withContext(payloadWith("executionType", "DASHBOARD"), "")));
    }

    @Test
    void aFunctionThatNeedsAnExecutionContextRejectsACallWithoutOne() {
        String expected = "This function needs parameters.executionContext (the GoodData execution context), but the"
                + " call of 'SampleFlexFunction' has none.";
        assertEquals(expected, badArgument("SampleFlexFunction", "{}"));
        assertEquals(expected, badArgument("SampleFlexFunction", "{\"executionContext\": {}}"));
    }

    @Test
    void filteredSampleAppliesTheContextsFiltersAndItsParameters() {
        try (ArrowResult result = server.callArrow("FilteredSample",
                withContext(Samples.json(Samples.LABEL_ELEMENTS), "\"limit\": 10, \"minFact1\": 8"))) {
            assertEquals(List.of("id2", "id3", "id5", "id6"),
                    result.rows().stream().map(row -> row.get("attribute1")).toList());
            assertNull(result.schema().getCustomMetadata().get(DATA_SOURCE_MESSAGES), "nothing was left out");
        }
    }

    @Test
    void aMissingRequiredParameterIsABadArgumentNamingIt() {
        assertEquals("Parameter 'limit' (parameters.limit) is required but is missing.",
                badArgument("FilteredSample", withContext(Samples.json(Samples.REPORT), "")));
    }

    @Test
    void aParameterOfTheWrongTypeIsABadArgumentNamingIt() {
        assertEquals("Parameter 'limit' (parameters.limit) must be an integer (an int, -2147483648..2147483647),"
                + " found string \"ten\".", badArgument("FilteredSample", "{\"limit\": \"ten\"}"));
        assertEquals("Parameter 'minFact1' (parameters.minFact1) must be a number, found boolean true.",
                badArgument("FilteredSample", "{\"limit\": 1, \"minFact1\": true}"));
    }

    /** The server adds the messages a generated function attached to its context, in GetFlightInfo and DoGet. */
    @Test
    void dataSourceMessagesOfAGeneratedFunctionTravelInTheSchemaMetadata() throws Exception {
        FlightInfo info = server.submitInfo("FilteredSample", "{\"limit\": 4}");
        JsonNode inInfo = new ObjectMapper().readTree(info.getSchema().getCustomMetadata().get(DATA_SOURCE_MESSAGES));
        assertEquals(1, inInfo.size());
        assertEquals("FilteredSample", inInfo.get(0).get("source").asText());
        assertEquals("warning", inInfo.get(0).get("type").asText());
        assertEquals("2 of 6 rows left out (limit 4)", inInfo.get(0).get("data").asText());
        String taskId = new ObjectMapper().readTree(info.getEndpoints().get(0).getTicket().getBytes())
                .get("task_id").asText();
        assertEquals(taskId, inInfo.get(0).get("correlation_id").asText(), "the task id correlates the message");

        try (ArrowResult result = server.callArrow("FilteredSample", "{\"limit\": 4}")) {
            assertEquals(4, result.rowCount());
            JsonNode inStream = result.dataSourceMessages();
            assertEquals("2 of 6 rows left out (limit 4)", inStream.get(0).get("data").asText());
            assertTrue(inStream.get(0).get("correlation_id").asText().matches("[0-9a-f]{32}"), inStream::toString);
        }
    }
}
