package dev.flexfun.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.BadArgumentException;
import dev.flexfun.runtime.CallContext;
import dev.flexfun.runtime.context.AbsoluteDateFilter;
import dev.flexfun.runtime.context.AfmExecutionRequest.AfmAttribute;
import dev.flexfun.runtime.context.AfmExecutionRequest.ObjectIdentifier;
import dev.flexfun.runtime.context.Attribute;
import dev.flexfun.runtime.context.DateGranularity;
import dev.flexfun.runtime.context.DateRange;
import dev.flexfun.runtime.context.DependsOn;
import dev.flexfun.runtime.context.ExecutionContext;
import dev.flexfun.runtime.context.ExecutionType;
import dev.flexfun.runtime.context.LabelElementsExecutionRequest;
import dev.flexfun.runtime.context.MatchAttributeFilter;
import dev.flexfun.runtime.context.MatchType;
import dev.flexfun.runtime.context.NegativeAttributeFilter;
import dev.flexfun.runtime.context.PositiveAttributeFilter;
import dev.flexfun.runtime.context.RelativeDateFilter;
import dev.flexfun.runtime.context.ValidateByItem;
import dev.flexfun.runtime.context.WeekStart;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Execution contexts from code: the JSON the builder writes is read back by the runtime's parser into the same model. */
@Timeout(60)
class ExecutionContextBuilderTest {

    @Test
    void aReportContextRoundTripsThroughTheRuntimesParser() {
        ExecutionContextBuilder builder = ExecutionContextBuilder.report()
                .organization("acme").workspace("sales").user("jane")
                .timestamp("2024-03-15T10:00:00+01:00").timezone("Europe/Prague").weekStart(WeekStart.MONDAY)
                .attribute("region", "Region")
                .dateAttribute("date.month", "Date - Month", DateGranularity.MONTH)
                .positiveFilter("region", "EMEA", "APAC")
                .negativeFilter("product", "Widget", null)
                .matchFilter("product", MatchType.STARTS_WITH, "Gad")
                .relativeDateFilter("date", DateGranularity.MONTH, -2, 0)
                .absoluteDateFilter("date", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));

        ExecutionContext context = builder.build();

        assertEquals(ExecutionType.REPORT, context.executionType());
        assertEquals(List.of("acme", "sales", "jane"),
                List.of(context.organizationId(), context.workspaceId(), context.userId()));
        assertEquals(Optional.of(OffsetDateTime.parse("2024-03-15T10:00:00+01:00")), context.timestamp());
        assertEquals(Optional.of(ZoneId.of("Europe/Prague")), context.timezone());
        assertEquals(Optional.of(WeekStart.MONDAY), context.weekStart());
        assertEquals(List.of(
                new Attribute("region", "Region", "region", "Region", Optional.empty(), Optional.empty()),
                new Attribute("date.month", "Date - Month", "date.month", "Date - Month",
                        Optional.of(DateGranularity.MONTH), Optional.empty())), context.attributes());
        assertEquals(List.of(
                new PositiveAttributeFilter("region", List.of("EMEA", "APAC")),
                new NegativeAttributeFilter("product", java.util.Arrays.asList("Widget", null)),
                new MatchAttributeFilter("product", MatchType.STARTS_WITH, "Gad", false, false),
                new RelativeDateFilter(-2, 0, DateGranularity.MONTH, "date"),
                new AbsoluteDateFilter("2024-01-01", "2024-03-31", "date")), context.filters());
        // The AFM lists the same attributes and filters, as GoodData's does.
        var afm = context.reportExecutionRequest().orElseThrow();
        assertEquals(List.of(new AfmAttribute("a_region", new ObjectIdentifier("region", "label"), false),
                new AfmAttribute("a_date.month", new ObjectIdentifier("date.month", "label"), false)), afm.attributes());
        assertEquals(List.of("positiveAttributeFilter", "negativeAttributeFilter", "relativeDateFilter",
                "absoluteDateFilter"), afm.filters().stream().map(f -> f.fieldNames().next()).toList());
        // The JSON is what the model was read from, and reads back the same again.
        assertEquals(context, ExecutionContext.parse(builder.toJson()));
        assertEquals(builder.toJson(), context.raw());
    }

    @Test
    void aLabelElementsContextRoundTripsThroughTheRuntimesParser() {
        ExecutionContext context = ExecutionContextBuilder.labelElements("region")
                .limit(100).offset(10).patternFilter("EM").exactFilter("EMEA", "APAC").complementFilter(true)
                .excludePrimaryLabel(true)
                .dependsOn("country", false, "CZ", "DE")
                .dependsOnRelativeDate("date", DateGranularity.YEAR, -1, 0)
                .dependsOnAbsoluteDate("date", "2024-01-01", "2024-12-31")
                .validateBy("revenue", ValidateByItem.Type.FACT)
                .build();

        assertEquals(ExecutionType.LABEL_ELEMENTS, context.executionType());
        assertTrue(context.reportExecutionRequest().isEmpty());
        assertEquals(List.of("region"), context.attributes().stream().map(Attribute::labelIdentifier).toList());
        assertEquals(new LabelElementsExecutionRequest("region", OptionalInt.of(10), OptionalInt.of(100), true,
                List.of("EMEA", "APAC"), Optional.of("EM"), true,
                List.of(new DependsOn.OnLabel("country", List.of("CZ", "DE"), false),
                        new DependsOn.OnDateFilter(new RelativeDateFilter(-1, 0, DateGranularity.YEAR, "date")),
                        new DependsOn.OnDateFilter(new AbsoluteDateFilter("2024-01-01", "2024-12-31", "date"))),
                List.of(new ValidateByItem("revenue", ValidateByItem.Type.FACT)), Optional.empty()),
                context.labelElementsExecutionRequest().orElseThrow());
    }

    @Test
    void aCapturedPayloadIsReadAsIsAndCanBeExtended() {
        String captured = """
                {"executionType": "REPORT", "organizationId": "default", "workspaceId": "ws", "userId": "demo",
                 "timestamp": "2024-09-12T12:51:26+00:00", "timezone": "Etc/UTC", "weekStart": "sunday",
                 "attributes": [{"attributeIdentifier": "a1", "attributeTitle": "A1", "labelIdentifier": "l1",
                                 "labelTitle": "L1"}],
                 "filters": [],
                 "reportExecutionRequest": {"attributes": [], "filters": [], "measures": []},
                 "somethingNewFromGoodData": {"kept": true}}
                """;
        ExecutionContextBuilder builder = ExecutionContextBuilder.fromJson(captured);
        assertEquals(ExecutionContext.parse(readTree(captured)), builder.build());
        assertEquals(readTree(captured), builder.toJson());
        ExecutionContext extended = builder.negativeFilter("l1", "x").build();
        assertEquals(List.of(new NegativeAttributeFilter("l1", List.of("x"))), extended.filters());
        assertTrue(extended.raw().path("somethingNewFromGoodData").path("kept").asBoolean(),
                "fields the runtime does not model are kept");
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aMalformedPayloadIsRejectedNamingTheField() {
        BadArgumentException e = assertThrows(BadArgumentException.class, () -> ExecutionContextBuilder.fromJson(
                "{\"executionType\": \"REPORT\", \"organizationId\": \"o\", \"workspaceId\": \"w\"}"));
        assertEquals("parameters.executionContext.userId is required but is missing.", e.getMessage());
    }

    @Test
    void labelElementsSettingsOnAReportSayWhatToDoInstead() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ExecutionContextBuilder.report().limit(10));
        assertEquals("limit belongs to a label-elements context; this one is REPORT. Start with "
                + "ExecutionContextBuilder.labelElements(label).", e.getMessage());
    }

    @Test
    void theContextPlugsIntoCallContextAndItsHelpersWork() {
        ExecutionContext context = ExecutionContextBuilder.report()
                .timestamp("2024-03-15T10:00:00+01:00").timezone("Europe/Prague")
                .positiveFilter("region", "EMEA")
                .relativeDateFilter("date", DateGranularity.MONTH, -2, 0)
                .build();
        CallContext call = CallContext.builder().parametersJson("{\"limit\": 5}").executionContext(context).build();

        ExecutionContext seen = call.requireExecutionContext();
        assertEquals(context, seen);
        assertEquals(5, call.parameters().get("limit").asInt());
        assertTrue(seen.accepts("region", "EMEA"));
        assertFalse(seen.accepts("region", "US"));
        ZoneId prague = ZoneId.of("Europe/Prague");
        assertEquals(new DateRange(ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, prague),
                ZonedDateTime.of(2024, 4, 1, 0, 0, 0, 0, prague)), seen.dateRange(seen.dateFiltersFor("date").get(0)));
    }
}
