package dev.flexfun.runtime.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per filter kind, plus the helpers that select filters and values. */
class FilterParsingTest {

    @Test
    void positiveAttributeFilterKeepsOnlyItsValuesIncludingNull() {
        Filter filter = Payloads.onlyFilter("""
                {"filterType": "positiveAttributeFilter", "labelIdentifier": "country", "values": ["CZ", null]}""");

        PositiveAttributeFilter positive = assertInstanceOf(PositiveAttributeFilter.class, filter);
        assertEquals("country", positive.labelIdentifier());
        assertEquals(Arrays.asList("CZ", null), positive.values());
        assertFalse(positive.isNegative());
        assertTrue(positive.accepts("CZ"));
        assertTrue(positive.accepts(null), "null in values selects the empty element");
        assertFalse(positive.accepts("DE"));
        assertEquals("positiveAttributeFilter", positive.filterType());
    }

    @Test
    void negativeAttributeFilterDropsItsValues() {
        Filter filter = Payloads.onlyFilter("""
                {"filterType": "negativeAttributeFilter", "labelIdentifier": "country", "values": ["CZ"]}""");

        NegativeAttributeFilter negative = assertInstanceOf(NegativeAttributeFilter.class, filter);
        assertEquals(List.of("CZ"), negative.values());
        assertTrue(negative.isNegative());
        assertFalse(negative.accepts("CZ"));
        assertTrue(negative.accepts("DE"));
        assertTrue(negative.accepts(null));
    }

    @Test
    void emptyValueListsKeepNothingOrEverything() {
        assertFalse(new PositiveAttributeFilter("l", List.of()).accepts("x"));
        assertTrue(new NegativeAttributeFilter("l", List.of()).accepts("x"));
    }

    @Test
    void matchAttributeFilterWithDefaults() {
        Filter filter = Payloads.onlyFilter("""
                {"filterType": "matchAttributeFilter", "labelIdentifier": "name", "matchType": "contains",
                 "literal": "Ab"}""");

        MatchAttributeFilter match = assertInstanceOf(MatchAttributeFilter.class, filter);
        assertEquals(new MatchAttributeFilter("name", MatchType.CONTAINS, "Ab", false, false), match);
        assertTrue(match.accepts("xxaByy"), "case-insensitive by default");
        assertFalse(match.accepts("xyz"));
        assertFalse(match.accepts(null));
    }

    @Test
    void matchAttributeFilterKinds() {
        assertTrue(new MatchAttributeFilter("l", MatchType.STARTS_WITH, "ab", false, true).accepts("abc"));
        assertFalse(new MatchAttributeFilter("l", MatchType.STARTS_WITH, "ab", false, true).accepts("Abc"));
        assertTrue(new MatchAttributeFilter("l", MatchType.ENDS_WITH, "BC", false, false).accepts("abc"));
        assertFalse(new MatchAttributeFilter("l", MatchType.ENDS_WITH, "ab", false, false).accepts("abc"));
        MatchAttributeFilter negated = new MatchAttributeFilter("l", MatchType.CONTAINS, "b", true, false);
        assertFalse(negated.accepts("abc"));
        assertTrue(negated.accepts("xyz"));
        assertTrue(negated.accepts(null), "a negated match accepts the empty element");
    }

    @Test
    void matchAttributeFilterReadsNegateAndCaseSensitive() {
        Filter filter = Payloads.onlyFilter("""
                {"filterType": "matchAttributeFilter", "labelIdentifier": "name", "matchType": "ENDS_WITH",
                 "literal": "z", "negate": true, "caseSensitive": true}""");
        assertEquals(new MatchAttributeFilter("name", MatchType.ENDS_WITH, "z", true, true), filter);
    }

    @Test
    void relativeDateFilter() {
        Filter filter = Payloads.onlyFilter("""
                {"filterType": "relativeDateFilter", "from": -6, "to": 0, "granularity": "day",
                 "datasetIdentifier": "order_date"}""");
        assertEquals(new RelativeDateFilter(-6, 0, DateGranularity.DAY, "order_date"), filter);
    }

    @Test
    void absoluteDateFilter() {
        Filter filter = Payloads.onlyFilter("""
                {"filterType": "absoluteDateFilter", "from": "2024-01-01", "to": "2024-1-31 23:59",
                 "datasetIdentifier": "order_date"}""");
        AbsoluteDateFilter absolute = assertInstanceOf(AbsoluteDateFilter.class, filter);
        assertEquals(new AbsoluteDateFilter("2024-01-01", "2024-1-31 23:59", "order_date"), absolute);
        assertFalse(absolute.fromHasTime());
        assertTrue(absolute.toHasTime());
    }

    @Test
    void unknownFilterKindIsKeptWithItsRawJson() {
        String json = """
                {"filterType": "rankingFilter", "measure": "m1", "operator": "TOP", "value": 3}""";
        Filter filter = Payloads.onlyFilter(json);

        UnknownFilter unknown = assertInstanceOf(UnknownFilter.class, filter);
        assertEquals("rankingFilter", unknown.filterType());
        assertEquals(Payloads.json(json), unknown.raw());
    }

    @Test
    void unknownFieldsAreIgnored() {
        Filter filter = Payloads.onlyFilter("""
                {"filterType": "positiveAttributeFilter", "labelIdentifier": "l", "values": [], "applyOnResult": true,
                 "somethingNew": {"a": 1}}""");
        assertEquals(new PositiveAttributeFilter("l", List.of()), filter);
    }

    @Test
    void filtersForALabelAndValueAcceptance() {
        ExecutionContext context = ExecutionContext.parse(Payloads.reportWithFilters("""
                [{"filterType": "positiveAttributeFilter", "labelIdentifier": "country", "values": ["CZ", "DE", "AT"]},
                 {"filterType": "negativeAttributeFilter", "labelIdentifier": "country", "values": ["DE"]},
                 {"filterType": "negativeAttributeFilter", "labelIdentifier": "city", "values": ["Brno"]},
                 {"filterType": "relativeDateFilter", "from": 0, "to": 0, "granularity": "YEAR",
                  "datasetIdentifier": "date"},
                 {"filterType": "absoluteDateFilter", "from": "2024-01-01", "to": "2024-01-02",
                  "datasetIdentifier": "other_date"},
                 {"filterType": "someNewFilter"}]"""));

        assertEquals(List.of(
                new PositiveAttributeFilter("country", List.of("CZ", "DE", "AT")),
                new NegativeAttributeFilter("country", List.of("DE"))), context.filtersFor("country"));
        assertEquals(List.of(), context.filtersFor("nothing"));
        assertTrue(context.accepts("country", "CZ"));
        assertFalse(context.accepts("country", "DE"), "the negative filter drops DE");
        assertFalse(context.accepts("country", "PL"), "the positive filter does not list PL");
        assertTrue(context.accepts("unfiltered", "anything"));

        assertEquals(List.of(new RelativeDateFilter(0, 0, DateGranularity.YEAR, "date")),
                context.dateFiltersFor("date"));
        assertEquals(List.of(new AbsoluteDateFilter("2024-01-01", "2024-01-02", "other_date")),
                context.dateFiltersFor("other_date"));
        assertEquals(1, context.unknownFilters().size());
        assertEquals("someNewFilter", context.unknownFilters().get(0).filterType());
    }

    @Test
    void attributesWithGranularityAndSorting() {
        var payload = Payloads.minimalReport();
        payload.set("attributes", Payloads.json("""
                [{"attributeIdentifier": "date.month", "attributeTitle": "Month", "labelIdentifier": "date.month",
                  "labelTitle": "Month", "dateGranularity": "month",
                  "sorting": {"sortColumn": "date.month", "sortDirection": "desc"}}]"""));
        ExecutionContext context = ExecutionContext.parse(payload);

        Attribute attribute = context.attributeByLabel("date.month").orElseThrow();
        assertEquals(new Attribute("date.month", "Month", "date.month", "Month",
                java.util.Optional.of(DateGranularity.MONTH),
                java.util.Optional.of(new Attribute.Sorting("date.month", SortDirection.DESC))), attribute);
        assertTrue(context.attributeByLabel("other").isEmpty());
    }
}
