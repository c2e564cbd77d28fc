package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flexfun.runtime.vector.ArrowValues;
import dev.flexfun.testkit.ArrowResult;
import dev.flexfun.testkit.FlexFunTestServer;
import dev.flexfun.testkit.StreamSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Orders} and {@code OrdersArrow} over real Flight RPC on the generated 1,000,000-row table:
 * GoodData's filters decide exactly which rows arrive, the columns hint which columns, and filter
 * values are data, never SQL.
 */
@Timeout(120)
class OrdersEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long ROWS = OrdersDatabase.DEFAULT_ROWS;

    @RegisterExtension
    static final FlexFunTestServer server = FlexFunTestServer.create();

    /** A report context at 2025-06-15 10:00 UTC in Prague, with these filters (JSON objects, comma-separated). */
    static ObjectNode parameters(String filtersJson, String... columns) {
        try {
            ObjectNode parameters = (ObjectNode) JSON.readTree("""
                    {"executionContext": {"executionType": "REPORT", "organizationId": "org", "workspaceId": "ws",
                      "userId": "u", "timestamp": "2025-06-15T10:00:00+00:00", "timezone": "Europe/Prague",
                      "weekStart": "monday", "attributes": [], "filters": [%s], "reportExecutionRequest": {}}}
                    """.formatted(filtersJson));
            if (columns.length > 0) {
                parameters.set("columns", JSON.valueToTree(List.of(columns)));
            }
            return parameters;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams the call, checking every row against the generator; returns how many arrived. */
    static long rowsChecked(String function, ObjectNode parameters, Predicate<GeneratedOrders> expected) {
        AtomicLong wrong = new AtomicLong();
        StreamSummary summary = server.stream(function, parameters, batch -> {
            for (int i = 0; i < batch.getRowCount(); i++) {
                GeneratedOrders generated = GeneratedOrders.row((Long) value(batch, "order_id", i));
                boolean sameRow = generated.region().equals(value(batch, "region", i))
                        && generated.product().equals(value(batch, "product", i))
                        && generated.orderDate().equals(value(batch, "order_date", i));
                if (!sameRow || !expected.test(generated)) {
                    wrong.incrementAndGet();
                }
            }
        });
        assertEquals(0, wrong.get(), "rows that are not what the generator made or that the filter should drop");
        return summary.rows();
    }

    private static Object value(VectorSchemaRoot batch, String column, int row) {
        return ArrowValues.get(batch.getVector(column), row);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Orders", "OrdersArrow"})
    void aPositiveRegionFilterReturnsExactlyThoseRegions(String function) {
        Set<String> regions = Set.of("EMEA", "APAC");
        long rows = rowsChecked(function, parameters("""
                {"filterType": "positiveAttributeFilter", "labelIdentifier": "region", "values": ["EMEA", "APAC"]}
                """, "order_id", "region", "product", "order_date"), o -> regions.contains(o.region()));
        assertEquals(GeneratedOrders.count(ROWS, o -> regions.contains(o.region())), rows);
        assertEquals(ROWS / 2, rows, "two of the four regions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Orders", "OrdersArrow"})
    void aNegativeFilterExcludesAndFiltersCombine(String function) {
        Predicate<GeneratedOrders> expected = o -> !o.region().equals("EMEA") && o.product().equals("Gizmo");
        long rows = rowsChecked(function, parameters("""
                {"filterType": "negativeAttributeFilter", "labelIdentifier": "region", "values": ["EMEA"]},
                {"filterType": "positiveAttributeFilter", "labelIdentifier": "product", "values": ["Gizmo"]}
                """, "order_id", "region", "product", "order_date"), expected);
        assertEquals(GeneratedOrders.count(ROWS, expected), rows);
        assertEquals(ROWS * 3 / 20, rows, "three of four regions, one of five products");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Orders", "OrdersArrow"})
    void theLastThreeMonthsAreCountedFromTheContextsTimestamp(String function) {
        // 2025-06-15 in Prague: the previous three calendar months are March, April and May 2025.
        LocalDate from = LocalDate.of(2025, 3, 1);
        LocalDate to = LocalDate.of(2025, 6, 1);
        Predicate<GeneratedOrders> expected = o -> !o.orderDate().isBefore(from) && o.orderDate().isBefore(to);
        long rows = rowsChecked(function, parameters("""
                {"filterType": "relativeDateFilter", "datasetIdentifier": "order_date", "granularity": "MONTH",
                 "from": -3, "to": -1}
                """, "order_id", "region", "product", "order_date"), expected);
        assertEquals(GeneratedOrders.count(ROWS, expected), rows);
        assertTrue(rows > ROWS / 10, "92 of 731 days: " + rows);
    }

    @Test
    void anAbsoluteDateFilterIncludesBothEnds() {
        LocalDate from = LocalDate.of(2024, 2, 28);
        LocalDate to = LocalDate.of(2024, 3, 1);
        Predicate<GeneratedOrders> expected = o -> !o.orderDate().isBefore(from) && !o.orderDate().isAfter(to);
        long rows = rowsChecked("Orders", parameters("""
                {"filterType": "absoluteDateFilter", "datasetIdentifier": "order_date", "from": "2024-02-28",
                 "to": "2024-03-01"}
                """, "order_id", "region", "product", "order_date"), expected);
        assertEquals(GeneratedOrders.count(ROWS, expected), rows);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Orders", "OrdersArrow"})
    void theColumnsHintIsTheColumnsSent(String function) {
        try (ArrowResult result = server.callArrow(function, parameters("""
                {"filterType": "positiveAttributeFilter", "labelIdentifier": "product", "values": ["Widget"]},
                {"filterType": "absoluteDateFilter", "datasetIdentifier": "order_date", "from": "2024-01-01", "to": "2024-01-01"}
                """, "revenue", "region"))) {
            assertEquals(List.of("region", "revenue"), result.schema().getFields().stream().map(Field::getName).toList());
            assertEquals(GeneratedOrders.count(ROWS, o -> o.product().equals("Widget")
                    && o.orderDate().equals(LocalDate.of(2024, 1, 1))), result.rowCount());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Orders", "OrdersArrow"})
    void aFilterValueWithSqlInItIsData(String function) {
        assertEquals(0, server.stream(function, parameters("""
                {"filterType": "positiveAttributeFilter", "labelIdentifier": "region", "values": ["' OR 1=1 --"]}
                """, "order_id"), batch -> { }).rows());
        assertEquals(ROWS, server.stream(function, parameters("""
                {"filterType": "negativeAttributeFilter", "labelIdentifier": "region", "values": ["x') OR ('1'='1"]}
                """, "order_id"), batch -> { }).rows());
    }

    @Test
    void bothFunctionsSendTheSameRows() {
        ObjectNode parameters = parameters("""
                {"filterType": "positiveAttributeFilter", "labelIdentifier": "region", "values": ["LATAM"]},
                {"filterType": "positiveAttributeFilter", "labelIdentifier": "product", "values": ["Sprocket"]},
                {"filterType": "relativeDateFilter", "datasetIdentifier": "order_date", "granularity": "WEEK",
                 "from": -1, "to": -1}
                """);
        List<Map<String, Object>> rows = server.call("Orders", parameters);
        assertEquals(rows, server.call("OrdersArrow", parameters));
        assertEquals(GeneratedOrders.count(ROWS, o -> o.region().equals("LATAM") && o.product().equals("Sprocket")
                && !o.orderDate().isBefore(LocalDate.of(2025, 6, 2)) && o.orderDate().isBefore(LocalDate.of(2025, 6, 9))),
                rows.size());
        assertTrue(rows.size() > 0);
    }

    @Test
    void noConnectionIsLeftOpen() throws InterruptedException {
        server.call("Orders", parameters("""
                {"filterType": "positiveAttributeFilter", "labelIdentifier": "product", "values": ["Gadget"]},
                {"filterType": "absoluteDateFilter", "datasetIdentifier": "order_date", "from": "2024-05-01", "to": "2024-05-01"}
                """, "order_id"));
        assertTrue(OrdersDatabase.awaitIdle(Duration.ofSeconds(10)), "open: " + OrdersDatabase.openConnections());
    }
}
