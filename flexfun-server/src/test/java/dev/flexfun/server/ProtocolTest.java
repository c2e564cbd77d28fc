package dev.flexfun.server;

import static dev.flexfun.server.fixtures.ServerHarness.command;
import static dev.flexfun.server.fixtures.ServerHarness.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.flexfun.runtime.DataSourceMessage;
import dev.flexfun.runtime.FlexResult;
import dev.flexfun.server.fixtures.GeneratedResult;
import dev.flexfun.server.fixtures.SampleSchema;
import dev.flexfun.server.fixtures.ServerHarness;
import dev.flexfun.server.fixtures.TestFunction;
import dev.flexfun.server.execution.FunctionInvoker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.Location;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** The protocol's happy paths over real Flight RPC (docs/protocol.md, "Calls"). */
class ProtocolTest {
    private static final Schema OTHER_SCHEMA = new Schema(List.of(Field.nullable("x", ArrowType.Utf8.INSTANCE)));

    @Test
    void listFlightsDescribesEveryFunctionInRegistrationOrder() throws Exception {
        TestFunction first = new TestFunction("First", SampleSchema.SCHEMA, "{ \"a\" : [1, 2], \"b\": \"c\" }", ctx -> null);
        TestFunction second = new TestFunction("Second", OTHER_SCHEMA, null, ctx -> null);
        try (ServerHarness h = ServerHarness.start("", first, second)) {
            List<FlightInfo> infos = new ArrayList<>();
            h.client.listFlights(Criteria.ALL).forEach(infos::add);

            assertEquals(2, infos.size());
            assertArrayEquals("{\"functionName\":\"First\",\"metadata\":{\"a\":[1,2],\"b\":\"c\"}}".getBytes(StandardCharsets.UTF_8),
                    infos.get(0).getDescriptor().getCommand());
            assertArrayEquals("{\"functionName\":\"Second\",\"metadata\":null}".getBytes(StandardCharsets.UTF_8),
                    infos.get(1).getDescriptor().getCommand());
            assertEquals(SampleSchema.SCHEMA, infos.get(0).getSchema());
            assertEquals(OTHER_SCHEMA, infos.get(1).getSchema());
            for (FlightInfo info : infos) {
                assertTrue(info.getEndpoints().isEmpty());
                assertEquals(-1, info.getRecords());
                assertEquals(-1, info.getBytes());
            }
        }
    }

    @Test
    void twoStepCallRunsTheFunctionAndStreamsItsResult() throws Exception {
        TestFunction sample = TestFunction.sample("Sample",
                ctx -> new GeneratedResult(ctx.parameters().path("rows").asLong(), 4, true));
        try (ServerHarness h = ServerHarness.start("", sample)) {
            String json = "{\"functionName\": \"Sample\", \"parameters\": {\"rows\": 10, \"executionContext\": {}}}";
            FlightInfo info = h.client.getInfo(command(json));

            assertArrayEquals(json.getBytes(StandardCharsets.UTF_8), info.getDescriptor().getCommand(), "descriptor echoed");
            assertEquals(SampleSchema.SCHEMA, info.getSchema());
            assertEquals(-1, info.getRecords());
            assertEquals(-1, info.getBytes());
            assertEquals(1, info.getEndpoints().size());
            String ticket = new String(info.getEndpoints().get(0).getTicket().getBytes(), StandardCharsets.UTF_8);
            assertTrue(ticket.matches("\\{\"task_id\":\"[0-9a-f]{32}\"}"), ticket);
            assertEquals(List.of(new Location("grpc://127.0.0.1:" + h.server.port())),
                    info.getEndpoints().get(0).getLocations());

            List<List<Object>> rows = h.read(info);
            assertEquals(10, rows.size());
            assertEquals(List.of("a7", "b0", false, 3.5, -7.0, 7L), rows.get(7));
        }
    }

    @Test
    void advertisedLocationComesFromTheSettings() throws Exception {
        TestFunction sample = TestFunction.sample("Sample", ctx -> new GeneratedResult(1, 4, true));
        var settings = ServerHarness.settings("").with("server.advertise_host", "flexfun.example.com")
                .with("server.advertise_port", "443");
        try (ServerHarness h = ServerHarness.start(FlexFunServer.builder().settings(settings).function(sample))) {
            FlightInfo info = h.call("Sample", "{}");
            assertEquals(List.of(new Location("grpc://flexfun.example.com:443")),
                    info.getEndpoints().get(0).getLocations());
            h.read(info);
        }
    }

    @Test
    void onlyTheRequestedColumnsAreSentInSchemaOrder() throws Exception {
        TestFunction allColumns = TestFunction.sample("Sample", ctx -> new GeneratedResult(3, 4, true));
        try (ServerHarness h = ServerHarness.start("", allColumns)) {
            FlightInfo info = h.call("Sample", "{\"columns\": [\"fact3\", \"attribute1\"]}");

            assertEquals(List.of("attribute1", "fact3"),
                    info.getSchema().getFields().stream().map(Field::getName).toList());
            assertEquals(List.of(List.of("a0", 0L), List.of("a1", 1L), List.of("a2", 2L)), h.read(info));
        }
    }

    @Test
    void dataSourceMessagesTravelInTheResultSchemaMetadata() throws Exception {
        TestFunction withMessage = TestFunction.sample("Sample", ctx -> {
            ctx.addDataSourceMessage(new DataSourceMessage("Sample", "c-1", "warning",
                    JsonNodeFactory.instance.textNode("partial data")));
            return new GeneratedResult(1, 4, true);
        });
        try (ServerHarness h = ServerHarness.start("", withMessage)) {
            FlightInfo info = h.call("Sample", "{}");
            String expected = "[{\"source\":\"Sample\",\"correlation_id\":\"c-1\",\"type\":\"warning\",\"data\":\"partial data\"}]";
            assertEquals(expected, info.getSchema().getCustomMetadata().get(FunctionInvoker.DATA_SOURCE_MESSAGES_KEY));
            try (var stream = h.client.getStream(info.getEndpoints().get(0).getTicket())) {
                assertEquals(expected, stream.getSchema().getCustomMetadata().get(FunctionInvoker.DATA_SOURCE_MESSAGES_KEY));
                while (stream.next()) {
                    assertEquals(1, stream.getRoot().getRowCount());
                }
            }
        }
    }

    @Test
    void functionsSeeTheirParametersAndHeadersButNotCredentials() throws Exception {
        List<String> seen = new ArrayList<>();
        TestFunction probe = TestFunction.sample("Probe", ctx -> {
            seen.add(ctx.parameters().toString());
            seen.add(ctx.header("x-custom").orElse("-"));
            seen.add(ctx.header("authorization").orElse("-"));
            return FlexResult.of(org.apache.arrow.vector.VectorSchemaRoot.create(SampleSchema.SCHEMA, ctx.allocator()));
        });
        try (ServerHarness h = ServerHarness.start("", probe)) {
            var headers = new org.apache.arrow.flight.FlightCallHeaders();
            headers.insert("x-custom", "v1");
            headers.insert("authorization", "Bearer secret");
            FlightInfo info = h.call("Probe", "{\"k\": [1]}", new org.apache.arrow.flight.HeaderCallOption(headers));
            assertEquals(List.of("{\"k\":[1]}", "v1", "-"), seen);
            assertEquals(List.of(), h.read(info));
        }
    }

    @Test
    void getSchemaAnswersTheFunctionsSchema() throws Exception {
        TestFunction sample = new TestFunction("Other", OTHER_SCHEMA, null, ctx -> null);
        try (ServerHarness h = ServerHarness.start("", sample)) {
            assertEquals(OTHER_SCHEMA, h.client.getSchema(command("{\"functionName\":\"Other\",\"metadata\":null}")).getSchema());
        }
    }

    @Test
    void methodsNotServedArePlainUnimplemented() throws Exception {
        try (ServerHarness h = ServerHarness.start("")) {
            List<FlightRuntimeException> errors = List.of(
                    failure(() -> h.client.doAction(new Action("x")).hasNext()),
                    failure(() -> h.client.listActions().forEach(a -> { })),
                    failure(() -> h.client.pollInfo(FlightDescriptor.command(new byte[] {1}))));
            for (FlightRuntimeException e : errors) {
                assertEquals(FlightStatusCode.UNIMPLEMENTED, e.status().code(), e.toString());
                assertTrue(e.status().metadata() == null
                        || !e.status().metadata().containsKey("grpc-status-details-bin"), "no ErrorInfo");
            }
        }
    }
}
