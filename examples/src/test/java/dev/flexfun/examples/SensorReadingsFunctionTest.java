package dev.flexfun.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flexfun.runtime.CallContext;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming function as a plain method. */
class SensorReadingsFunctionTest {

    private static CallContext rows(long rows) {
        return CallContext.builder().parametersJson("{\"rows\": " + rows + "}").build();
    }

    @Test
    void generatesTheRequestedRows() {
        List<SensorReading> readings = SensorReadingsFunction.readings(rows(5)).toList();
        assertEquals(5, readings.size());
        assertEquals(new SensorReading(0, "boiler", 15.0, Instant.parse("2025-01-01T00:00:00Z")), readings.get(0));
        assertEquals(new SensorReading(4, "boiler", 15.4, Instant.parse("2025-01-01T00:00:04Z")), readings.get(4));
    }

    @Test
    void defaultsToOneMillionRows() {
        assertEquals(1_000_000, SensorReadingsFunction.readings(CallContext.builder().build()).count());
    }

    @Test
    void isLazy() {
        // A stream of Long.MAX_VALUE rows: only the rows pulled are ever made.
        List<SensorReading> first = SensorReadingsFunction.readings(rows(Long.MAX_VALUE)).limit(3).toList();
        assertEquals(List.of(0L, 1L, 2L), first.stream().map(SensorReading::id).toList());
    }

    @Test
    void rejectsANegativeRowCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SensorReadingsFunction.readings(rows(-1)));
        assertEquals("Parameter 'rows' must be 0 or more, was -1.", e.getMessage());
    }
}
