package dev.flexfun.runtime.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.context.DateFilter;
import dev.flexfun.runtime.context.ExecutionContext;
import dev.flexfun.runtime.context.Filter;
import dev.flexfun.runtime.context.LabelFilter;
import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every kind of filter, pushed into SQL and run on DuckDB, keeps exactly the rows the execution
 * context's own model keeps ({@code LabelFilter.accepts}, {@code ExecutionContext.dateRange}):
 * NULLs, SQL metacharacters, LIKE wildcards, case, time zones and week starts included.
 */
@Timeout(60)
class FilterPushdownTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Names with NULL, quotes, LIKE wildcards, the escape character and mixed case. */
    private static final String[] NAMES = {"EMEA", "emea", "O'Brien", "100%", "a_b", "axb", "ab!", "' OR 1=1 --",
            "Région", null};
    private static final int ROWS = 400;
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final FilterPushdown PUSHDOWN = FilterPushdown.builder()
            .label("label.name", "we\"ird name")
            .dates("day", DateColumnType.DATE)
            .date("dataset.moment", "moment", DateColumnType.TIMESTAMP)
            .build();

    private record Row(long id, String name, LocalDate day, LocalDateTime moment) {
    }

    private static DuckDb db;
    private static List<Row> all;

    @BeforeAll
    static void createTable() throws SQLException {
        StringBuilder names = new StringBuilder("[");
        for (String name : NAMES) {
            names.append(names.length() > 1 ? ", " : "").append(name == null ? "NULL" : "'" + name.replace("'", "''") + "'");
        }
        names.append(']');
        // One row per 7 hours from 2024-01-01 00:00: days and moments at every hour of the day over 4 months.
        db = new DuckDb("CREATE TABLE t AS SELECT i AS id, " + names + "[i % " + NAMES.length + " + 1] AS \"we\"\"ird name\","
                + " CAST(TIMESTAMP '2024-01-01 00:00' + i * INTERVAL 7 HOUR AS DATE) AS day,"
                + " TIMESTAMP '2024-01-01 00:00' + i * INTERVAL 7 HOUR AS moment FROM range(" + ROWS + ") t(i)");
        all = select(Sql.of(""));
        assertEquals(ROWS, all.size());
    }

    @AfterAll
    static void closeDatabase() throws SQLException {
        db.close();
    }

    private static List<Row> select(Sql where) {
        Sql query = Sql.of("SELECT id, \"we\"\"ird name\" AS name, day, moment FROM t").plus(where).plus(" ORDER BY id");
        try (Stream<Row> rows = JdbcQuery.stream(CallContext.builder().build(), db, query,
                row -> new Row(row.getLong("id"), row.getString("name"), row.getLocalDate("day"),
                        row.getLocalDateTime("moment")))) {
            return rows.toList();
        }
    }

    private static List<Long> ids(List<Row> rows) {
        return rows.stream().map(Row::id).toList();
    }

    private static ExecutionContext context(String filterJson, String timezone, String weekStart) {
        try {
            return ExecutionContext.parse(JSON.readTree("""
                    {"executionType": "REPORT", "organizationId": "o", "workspaceId": "w", "userId": "u",
                     "timestamp": "2024-03-13T23:30:00+00:00", "timezone": "%s", "weekStart": "%s",
                     "attributes": [], "filters": [%s], "reportExecutionRequest": {}}
                    """.formatted(timezone, weekStart, filterJson)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** What the context's own model keeps: the reference the SQL must agree with. */
    private static boolean keeps(ExecutionContext context, Filter filter, Row row) {
        if (filter instanceof LabelFilter label) {
            return label.accepts(row.name());
        }
        DateFilter date = (DateFilter) filter;
        return date.datasetIdentifier().equals("day") ? context.dateRange(date).contains(row.day())
                : context.dateRange(date).contains(row.moment());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"filterType\": \"positiveAttributeFilter\", \"labelIdentifier\": \"label.name\", \"values\": [\"EMEA\", \"O'Brien\"]}",
        "{\"filterType\": \"positiveAttributeFilter\", \"labelIdentifier\": \"label.name\", \"values\": [\"100%\", null]}",
        "{\"filterType\": \"positiveAttributeFilter\", \"labelIdentifier\": \"label.name\", \"values\": []}",
        "{\"filterType\": \"positiveAttributeFilter\", \"labelIdentifier\": \"label.name\", \"values\": [\"' OR 1=1 --\"]}",
        "{\"filterType\": \"negativeAttributeFilter\", \"labelIdentifier\": \"label.name\", \"values\": [\"EMEA\", \"a_b\"]}",
        "{\"filterType\": \"negativeAttributeFilter\", \"labelIdentifier\": \"label.name\", \"values\": [\"emea\", null]}",
        "{\"filterType\": \"negativeAttributeFilter\", \"labelIdentifier\": \"label.name\", \"values\": []}",
        "{\"filterType\": \"matchAttributeFilter\", \"labelIdentifier\": \"label.name\", \"matchType\": \"contains\", \"literal\": \"EM\"}",
        "{\"filterType\": \"matchAttributeFilter\", \"labelIdentifier\": \"label.name\", \"matchType\": \"contains\", \"literal\": \"EM\", \"caseSensitive\": true}",
        "{\"filterType\": \"matchAttributeFilter\", \"labelIdentifier\": \"label.name\", \"matchType\": \"contains\", \"literal\": \"_\"}",
        "{\"filterType\": \"matchAttributeFilter\", \"labelIdentifier\": \"label.name\", \"matchType\": \"ends_with\", \"literal\": \"%\"}",
        "{\"filterType\": \"matchAttributeFilter\", \"labelIdentifier\": \"label.name\", \"matchType\": \"ends_with\", \"literal\": \"b!\"}",
        "{\"filterType\": \"matchAttributeFilter\", \"labelIdentifier\": \"label.name\", \"matchType\": \"starts_with\", \"literal\": \"a\", \"negate\": true}",
        "{\"filterType\": \"matchAttributeFilter\", \"labelIdentifier\": \"label.name\", \"matchType\": \"starts_with\", \"literal\": \"RÉ\"}",
        "{\"filterType\": \"relativeDateFilter\", \"datasetIdentifier\": \"day\", \"granularity\": \"DAY\", \"from\": -6, \"to\": 0}",
        "{\"filterType\": \"relativeDateFilter\", \"datasetIdentifier\": \"day\", \"granularity\": \"WEEK\", \"from\": -2, \"to\": -1}",
        "{\"filterType\": \"relativeDateFilter\", \"datasetIdentifier\": \"day\", \"granularity\": \"MONTH\", \"from\": -2, \"to\": -1}",
        "{\"filterType\": \"relativeDateFilter\", \"datasetIdentifier\": \"day\", \"granularity\": \"HOUR\", \"from\": -30, \"to\": 0}",
        "{\"filterType\": \"relativeDateFilter\", \"datasetIdentifier\": \"dataset.moment\", \"granularity\": \"HOUR\", \"from\": -30, \"to\": 0}",
        "{\"filterType\": \"relativeDateFilter\", \"datasetIdentifier\": \"dataset.moment\", \"granularity\": \"QUARTER\", \"from\": 0, \"to\": 0}",
        "{\"filterType\": \"absoluteDateFilter\", \"datasetIdentifier\": \"day\", \"from\": \"2024-02-03\", \"to\": \"2024-2-10\"}",
        "{\"filterType\": \"absoluteDateFilter\", \"datasetIdentifier\": \"dataset.moment\", \"from\": \"2024-02-03 05:00\", \"to\": \"2024-02-04 13:59\"}"
    })
    void sqlKeepsExactlyTheRowsTheFilterAccepts(String filterJson) {
        for (String[] zoneAndWeek : new String[][] {{"Europe/Prague", "monday"}, {"America/Los_Angeles", "sunday"}}) {
            ExecutionContext context = context(filterJson, zoneAndWeek[0], zoneAndWeek[1]);
            Filter filter = context.filters().get(0);
            Pushdown pushdown = PUSHDOWN.apply(context, Identifiers.ANSI);
            assertEquals(List.of(), pushdown.remaining());
            List<Row> expected = all.stream().filter(row -> keeps(context, filter, row)).toList();
            assertEquals(ids(expected), ids(select(pushdown.where())), () -> filterJson + " in " + zoneAndWeek[0] + ": "
                    + pushdown.condition().text());
            assertTrue(expected.size() < ROWS || filterJson.contains("negativeAttributeFilter\", \"labelIdentifier\": \"label.name\", \"values\": []"),
                    "the filter must select something less than everything to be a test: " + filterJson);
        }
    }

    @Test
    void filtersAreCombinedWithAndAndValuesNeverReachTheSqlText() {
        ExecutionContext context = context("""
                {"filterType": "negativeAttributeFilter", "labelIdentifier": "label.name", "values": ["' OR 1=1 --"]},
                {"filterType": "relativeDateFilter", "datasetIdentifier": "day", "granularity": "MONTH", "from": -1, "to": 0},
                {"filterType": "positiveAttributeFilter", "labelIdentifier": "other", "values": ["x"]},
                {"filterType": "rankingFilter", "measures": []}
                """, "Europe/Prague", "monday");
        Pushdown pushdown = PUSHDOWN.apply(context, Identifiers.ANSI);
        assertEquals("(\"we\"\"ird name\" IS NULL OR \"we\"\"ird name\" NOT IN (?)) AND (\"day\" >= ? AND \"day\" < ?)",
                pushdown.condition().text());
        assertEquals(List.of("' OR 1=1 --", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 1)), pushdown.condition().values());
        assertEquals(List.of("positiveAttributeFilter", "rankingFilter"),
                pushdown.remaining().stream().map(Filter::filterType).toList());
        List<Row> expected = new ArrayList<>();
        for (Row row : all) {
            if (context.filters().subList(0, 2).stream().allMatch(f -> keeps(context, f, row))) {
                expected.add(row);
            }
        }
        assertEquals(expected, select(pushdown.where()));
    }

    @Test
    void noContextOrNoFilterPushesNothing() {
        assertTrue(PUSHDOWN.apply(Optional.empty(), Identifiers.ANSI).where().isEmpty());
        Pushdown none = PUSHDOWN.apply(context("", "UTC", "sunday"), Identifiers.ANSI);
        assertTrue(none.where().isEmpty());
        assertEquals(ROWS, select(none.where()).size());
    }

    @Test
    void identifiersAreQuotedWithTheirQuoteDoubled() {
        assertEquals("`a``b`", new Identifiers("`").quote("a`b"));
        assertEquals("\"x\", \"y\"\"\"", Identifiers.ANSI.list(List.of("x", "y\"")));
        assertFalse(Identifiers.ANSI.quote("region").contains("region\"\""));
    }
}
