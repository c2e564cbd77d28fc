package dev.flexfun.examples;

import static dev.flexfun.server.fixtures.ServerHarness.expectCode;
import static dev.flexfun.server.fixtures.ServerHarness.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexfun.runtime.ErrorCode;
import dev.flexfun.server.FlexFunServer;
import dev.flexfun.server.fixtures.ServerHarness;
import java.util.List;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples' generated registry served by the real server (in-process, free loopback port),
 * called with a Java FlightClient. The harness's allocators are leak-checked when it closes.
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

    private static ServerHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = ServerHarness.start(FlexFunServer.builder().settings(ServerHarness.settings("")).discoverRegistries());
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

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
        var e = failure(() -> harness.call(function, parametersJson));
        return expectCode(e, ErrorCode.BAD_ARGUMENT).msg();
    }

    @ParameterizedTest
    @ValueSource(strings = {Samples.REPORT, Samples.LABEL_ELEMENTS})
    void sampleFunctionReturnsTheSixRowsForEachPayload(String sample) {
        FlightInfo info = harness.call("SampleFlexFunction", withContext(Samples.json(sample), ""));

        assertEquals(List.of("attribute1", "attribute2", "attribute3", "fact1", "fact2", "fact3"),
                info.getSchema().getFields().stream().map(Field::getName).toList());
        assertEquals(SIX_ROWS, harness.read(info));
    }

    @Test
    void requestedColumnsComeInSchemaOrder() {
        FlightInfo info = harness.call("SampleFlexFunction",
                withContext(Samples.json(Samples.REPORT), "\"columns\": [\"fact3\", \"attribute1\"]"));

        assertEquals(List.of("attribute1", "fact3"), info.getSchema().getFields().stream().map(Field::getName).toList());
        assertEquals(List.of("id1", 111L), harness.read(info).get(0));
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
        FlightInfo info = harness.call("FilteredSample",
                withContext(Samples.json(Samples.LABEL_ELEMENTS), "\"limit\": 10, \"minFact1\": 8"));

        assertEquals(List.of("id2", "id3", "id5", "id6"),
                harness.read(info).stream().map(row -> row.get(0)).toList());
        assertNull(info.getSchema().getCustomMetadata().get(DATA_SOURCE_MESSAGES), "nothing was left out");
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
        FlightInfo info = harness.call("FilteredSample", "{\"limit\": 4}");
        String taskId = new ObjectMapper().readTree(info.getEndpoints().get(0).getTicket().getBytes())
                .get("task_id").asText();
        String expected = "[{\"source\":\"FilteredSample\",\"correlation_id\":\"" + taskId
                + "\",\"type\":\"warning\",\"data\":\"2 of 6 rows left out (limit 4)\"}]";

        assertEquals(expected, info.getSchema().getCustomMetadata().get(DATA_SOURCE_MESSAGES));
        try (FlightStream stream = harness.client.getStream(info.getEndpoints().get(0).getTicket())) {
            assertEquals(expected, stream.getSchema().getCustomMetadata().get(DATA_SOURCE_MESSAGES));
            int rows = 0;
            while (stream.next()) {
                rows += stream.getRoot().getRowCount();
            }
            assertEquals(4, rows);
        }
    }
}
