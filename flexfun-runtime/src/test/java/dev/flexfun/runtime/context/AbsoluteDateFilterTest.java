package dev.flexfun.runtime.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flexfun.runtime.BadArgumentException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Absolute ranges: both bounds inclusive, at day or minute precision, in the context's zone. */
class AbsoluteDateFilterTest {
    private static final ZonedDateTime NOW_UTC = ZonedDateTime.of(2030, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private static DateRange range(String from, String to, ZonedDateTime now) {
        return new AbsoluteDateFilter(from, to, "date").resolve(now, DayOfWeek.MONDAY);
    }

    @Test
    void dateOnlyBoundsIncludeTheWholeLastDay() {
        DateRange january = range("2024-01-01", "2024-01-31", NOW_UTC);
        assertEquals(LocalDateTime.parse("2024-01-01T00:00"), january.fromLocal());
        assertEquals(LocalDateTime.parse("2024-02-01T00:00"), january.toLocal());
        assertEquals(LocalDate.of(2024, 1, 31), january.lastDate());
    }

    @Test
    void oneDay() {
        DateRange day = range("2024-2-29", "2024-2-29", NOW_UTC);
        assertEquals(LocalDateTime.parse("2024-02-29T00:00"), day.fromLocal());
        assertEquals(LocalDateTime.parse("2024-03-01T00:00"), day.toLocal());
    }

    @Test
    void timeBoundsIncludeTheWholeLastMinute() {
        DateRange shift = range("2024-1-5 9:30", "2024-01-05 17:45", NOW_UTC);
        assertEquals(LocalDateTime.parse("2024-01-05T09:30"), shift.fromLocal());
        assertEquals(LocalDateTime.parse("2024-01-05T17:46"), shift.toLocal());
    }

    @Test
    void acrossTheYearBoundary() {
        DateRange holidays = range("2023-12-24", "2024-01-01", NOW_UTC);
        assertEquals(LocalDate.of(2023, 12, 24), holidays.firstDate());
        assertEquals(LocalDateTime.parse("2024-01-02T00:00"), holidays.toLocal());
    }

    @Test
    void boundsAreReadInTheContextTimeZone() {
        ExecutionContext context = RelativeDateFilterTest.contextAt("2024-09-12T12:00:00Z", "Asia/Tokyo", "MONDAY");
        DateRange day = context.dateRange(new AbsoluteDateFilter("2024-01-01", "2024-01-01", "date"));
        assertEquals(ZoneId.of("Asia/Tokyo"), day.zone());
        assertEquals(Instant.parse("2023-12-31T15:00:00Z"), day.fromInstant());
        assertEquals(Instant.parse("2024-01-01T15:00:00Z"), day.toInstant());
    }

    @Test
    void reversedBoundsAreRejected() {
        BadArgumentException e = assertThrows(BadArgumentException.class,
                () -> range("2024-02-01", "2024-01-01", NOW_UTC));
        assertEquals("The absolute date filter on dataset 'date' has to (2024-01-01) before from (2024-02-01).",
                e.getMessage());
    }

    @Test
    void constructorValidatesTheFormat() {
        assertThrows(BadArgumentException.class, () -> new AbsoluteDateFilter("2024-01-01T00:00", "2024-01-02", "d"));
        assertThrows(BadArgumentException.class, () -> new AbsoluteDateFilter("2024-01-01", "2024-13-01", "d"));
    }
}
