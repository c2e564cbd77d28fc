package dev.flexfun.runtime.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.context.AfmExecutionRequest.AfmAttribute;
import dev.flexfun.runtime.context.AfmExecutionRequest.ObjectIdentifier;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The two payloads captured from GoodData, read field by field. */
class SamplePayloadsTest {

    @Test
    void reportSample() {
        ExecutionContext context = ExecutionContext.parse(Payloads.report());

        assertEquals(ExecutionType.REPORT, context.executionType());
        assertTrue(context.isReport());
        assertFalse(context.isLabelElements());
        assertEquals("default", context.organizationId());
        assertEquals("646937086c794101984a7adf99a4854b", context.workspaceId());
        assertEquals("demo", context.userId());
        assertEquals(Optional.of(OffsetDateTime.of(2024, 9, 12, 12, 51, 26, 0, ZoneOffset.UTC)), context.timestamp());
        assertEquals(Optional.of(ZoneId.of("Etc/UTC")), context.timezone());
        assertEquals(Optional.of(WeekStart.SUNDAY), context.weekStart(), "\"sunday\" read case-insensitively");
        assertEquals(DayOfWeek.SUNDAY, context.firstDayOfWeek());

        assertEquals(List.of(new Attribute("attribute1", "Attribute1", "attribute1", "Attribute1",
                Optional.empty(), Optional.empty())), context.attributes());
        assertEquals(List.of(new NegativeAttributeFilter("attribute1", List.of("id1"))), context.filters());

        AfmExecutionRequest afm = context.reportExecutionRequest().orElseThrow();
        assertEquals(List.of(new AfmAttribute("a_attribute1", new ObjectIdentifier("attribute1", "label"), false)),
                afm.attributes());
        assertEquals(1, afm.filters().size());
        assertEquals(List.of("id1"), List.of(afm.filters().get(0)
                .at("/negativeAttributeFilter/notIn/values/0").asText()));
        assertEquals(1, afm.measures().size());
        assertEquals("m_fact1_min", afm.measures().get(0).get("localIdentifier").asText());
        assertEquals("MIN", afm.measures().get(0).at("/definition/measure/aggregation").asText());
        assertEquals(List.of(), afm.auxMeasures());
        assertEquals(context.reportExecutionRequest(), context.executionRequest(),
                "the legacy executionRequest carries the same AFM in this sample");
        assertEquals(Optional.empty(), context.labelElementsExecutionRequest());

        assertEquals(Optional.of(new ExecutionInitiator.Display(
                Optional.of("b2f2d436-9831-4fe0-81df-8c59fd33242b"),
                Optional.of("bf21d8ec-742c-48d7-8100-80663b43622b"),
                Optional.of("453844a7-4aa8-4456-be23-ac62b9b3b98a"))), context.executionInitiator());
        assertEquals(Payloads.report(), context.raw());
    }

    @Test
    void labelElementsSample() {
        ExecutionContext context = ExecutionContext.parse(Payloads.labelElements());

        assertEquals(ExecutionType.LABEL_ELEMENTS, context.executionType());
        assertTrue(context.isLabelElements());
        assertEquals("default", context.organizationId());
        assertEquals("646937086c794101984a7adf99a4854b", context.workspaceId());
        assertEquals("demo", context.userId());
        assertEquals(Optional.empty(), context.timestamp(), "an empty timestamp string means none");
        assertEquals(Optional.empty(), context.timezone(), "an empty timezone string means none");
        assertEquals(ZoneOffset.UTC, context.zone());
        assertEquals(Optional.of(WeekStart.SUNDAY), context.weekStart());

        assertEquals(List.of(new Attribute("attribute2", "Attribute2", "attribute2", "Attribute2",
                Optional.empty(), Optional.empty())), context.attributes());
        assertEquals(List.of(new NegativeAttributeFilter("attribute1", List.of("id1"))), context.filters());

        assertEquals(Optional.empty(), context.reportExecutionRequest(), "null counts as absent");
        AfmExecutionRequest legacy = context.executionRequest().orElseThrow();
        assertEquals(List.of(new AfmAttribute("label", new ObjectIdentifier("attribute2", "label"), false)),
                legacy.attributes());
        assertEquals("SUM", legacy.measures().get(0).at("/definition/measure/aggregation").asText());

        LabelElementsExecutionRequest request = context.labelElementsExecutionRequest().orElseThrow();
        assertEquals("attribute2", request.label());
        assertTrue(request.excludePrimaryLabel());
        assertEquals(Optional.of(new LabelElementsExecutionRequest.FilterBy(Optional.of("REQUESTED"))),
                request.filterBy());
        assertFalse(request.complementFilter());
        assertEquals(Optional.of("search"), request.patternFilter());
        assertEquals(OptionalInt.of(0), request.offset());
        assertEquals(OptionalInt.of(500), request.limit());
        assertEquals(List.of(), request.exactFilter());
        assertEquals(List.of(new DependsOn.OnLabel("attribute1", List.of("id1"), true)), request.dependsOn());
        assertEquals(List.of(new ValidateByItem("fact1", ValidateByItem.Type.FACT)), request.validateBy());

        assertEquals(Optional.empty(), context.executionInitiator());
    }
}
