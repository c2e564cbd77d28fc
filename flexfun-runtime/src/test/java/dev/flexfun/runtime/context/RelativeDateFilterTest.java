package dev.flexfun.runtime.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flexfun.runtime.BadArgumentException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Relative date ranges against hand-computed calendars. */
class RelativeDateFilterTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    /** The report sample's timestamp: Thursday 2024-09-12 12:51:26 UTC. */
    private static final ZonedDateTime THURSDAY = ZonedDateTime.of(2024, 9, 12, 12, 51, 26, 0, UTC);

    private static DateRange range(int from, int to, DateGranularity granularity, ZonedDateTime now,
            DayOfWeek weekStart) {
        return new RelativeDateFilter(from, to, granularity, "date").resolve(now, weekStart);
    }

    private static DateRange range(int from, int to, DateGranularity granularity, ZonedDateTime now) {
        return range(from, to, granularity, now, DayOfWeek.SUNDAY);
    }

    private static void assertLocalRange(String from, String to, DateRange range) {
        assertEquals(LocalDateTime.parse(from), range.fromLocal(), "from");
        assertEquals(LocalDateTime.parse(to), range.toLocal(), "to");
    }

    @Test
    void lastSevenDaysIncludingToday() {
        DateRange range = range(-6, 0, DateGranularity.DAY, THURSDAY);
        assertLocalRange("2024-09-06T00:00", "2024-09-13T00:00", range);
        assertEquals(LocalDate.of(2024, 9, 6), range.firstDate());
        assertEquals(LocalDate.of(2024, 9, 12), range.lastDate(), "today is the last day in the range");
        assertTrue(range.contains(LocalDateTime.parse("2024-09-12T23:59:59")));
        assertFalse(range.contains(LocalDateTime.parse("2024-09-13T00:00")), "to is exclusive");
        assertTrue(range.contains(LocalDate.of(2024, 9, 6)), "from is inclusive");
    }

    @Test
    void yesterday() {
        assertLocalRange("2024-09-11T00:00", "2024-09-12T00:00", range(-1, -1, DateGranularity.DAY, THURSDAY));
    }

    @Test
    void thisWeekDependsOnWeekStart() {
        assertLocalRange("2024-09-08T00:00", "2024-09-15T00:00",
                range(0, 0, DateGranularity.WEEK, THURSDAY, DayOfWeek.SUNDAY));
        assertLocalRange("2024-09-09T00:00", "2024-09-16T00:00",
                range(0, 0, DateGranularity.WEEK, THURSDAY, DayOfWeek.MONDAY));
    }

    @Test
    void onASundayTheWeeksDifferMost() {
        ZonedDateTime sunday = ZonedDateTime.of(2024, 9, 15, 10, 0, 0, 0, UTC);
        assertLocalRange("2024-09-15T00:00", "2024-09-22T00:00",
                range(0, 0, DateGranularity.WEEK, sunday, DayOfWeek.SUNDAY));
        assertLocalRange("2024-09-09T00:00", "2024-09-16T00:00",
                range(0, 0, DateGranularity.WEEK, sunday, DayOfWeek.MONDAY));
        assertLocalRange("2024-09-02T00:00", "2024-09-09T00:00",
                range(-1, -1, DateGranularity.WEEK, sunday, DayOfWeek.MONDAY));
    }

    @Test
    void weekAcrossTheYearBoundary() {
        ZonedDateTime newYear = ZonedDateTime.of(2025, 1, 1, 8, 0, 0, 0, UTC); // a Wednesday
        assertLocalRange("2024-12-30T00:00", "2025-01-06T00:00",
                range(0, 0, DateGranularity.WEEK, newYear, DayOfWeek.MONDAY));
        assertLocalRange("2024-12-29T00:00", "2025-01-05T00:00",
                range(0, 0, DateGranularity.WEEK, newYear, DayOfWeek.SUNDAY));
    }

    @Test
    void months() {
        assertLocalRange("2024-08-01T00:00", "2024-09-01T00:00", range(-1, -1, DateGranularity.MONTH, THURSDAY));
        assertLocalRange("2024-07-01T00:00", "2024-10-01T00:00", range(-2, 0, DateGranularity.MONTH, THURSDAY));
        ZonedDateTime january = ZonedDateTime.of(2024, 1, 15, 0, 0, 0, 0, UTC);
        assertLocalRange("2023-12-01T00:00", "2024-01-01T00:00", range(-1, -1, DateGranularity.MONTH, january));
        ZonedDateTime endOfMarch = ZonedDateTime.of(2024, 3, 31, 0, 0, 0, 0, UTC);
        assertLocalRange("2024-02-01T00:00", "2024-03-01T00:00", range(-1, -1, DateGranularity.MONTH, endOfMarch));
    }

    @Test
    void quarters() {
        assertLocalRange("2024-07-01T00:00", "2024-10-01T00:00", range(0, 0, DateGranularity.QUARTER, THURSDAY));
        assertLocalRange("2024-04-01T00:00", "2024-10-01T00:00", range(-1, 0, DateGranularity.QUARTER, THURSDAY));
        ZonedDateTime february = ZonedDateTime.of(2024, 2, 10, 0, 0, 0, 0, UTC);
        assertLocalRange("2023-10-01T00:00", "2024-01-01T00:00", range(-1, -1, DateGranularity.QUARTER, february));
        ZonedDateTime november = ZonedDateTime.of(2024, 11, 30, 23, 0, 0, 0, UTC);
        assertLocalRange("2025-01-01T00:00", "2025-04-01T00:00", range(1, 1, DateGranularity.QUARTER, november));
        ZonedDateTime firstOfQuarter = ZonedDateTime.of(2024, 4, 1, 0, 0, 0, 0, UTC);
        assertLocalRange("2024-04-01T00:00", "2024-07-01T00:00",
                range(0, 0, DateGranularity.QUARTER, firstOfQuarter));
    }

    @Test
    void years() {
        assertLocalRange("2023-01-01T00:00", "2024-01-01T00:00", range(-1, -1, DateGranularity.YEAR, THURSDAY));
        assertLocalRange("2022-01-01T00:00", "2025-01-01T00:00", range(-2, 0, DateGranularity.YEAR, THURSDAY));
        ZonedDateTime lastMomentOf2023 = ZonedDateTime.of(2023, 12, 31, 23, 59, 59, 999_999_999, UTC);
        assertLocalRange("2023-01-01T00:00", "2024-01-01T00:00",
                range(0, 0, DateGranularity.YEAR, lastMomentOf2023));
    }

    @Test
    void subDayGranularities() {
        assertLocalRange("2024-09-12T11:00", "2024-09-12T13:00", range(-1, 0, DateGranularity.HOUR, THURSDAY));
        assertLocalRange("2024-09-12T12:51", "2024-09-12T12:52", range(0, 0, DateGranularity.MINUTE, THURSDAY));
        assertLocalRange("2024-09-12T12:51:17", "2024-09-12T12:51:27",
                range(-9, 0, DateGranularity.SECOND, THURSDAY));
        ZonedDateTime justAfterMidnight = ZonedDateTime.of(2024, 1, 1, 0, 30, 0, 0, UTC);
        assertLocalRange("2023-12-31T22:00", "2024-01-01T00:00",
                range(-2, -1, DateGranularity.HOUR, justAfterMidnight));
    }

    @Test
    void aDayInTheContextTimeZoneIsNotTheUtcDay() {
        // 23:30 UTC on Thursday the 12th is already 01:30 on Friday the 13th in Prague (UTC+2 in summer).
        ExecutionContext context = contextAt("2024-09-12T23:30:00Z", "Europe/Prague", "MONDAY");
        DateRange today = context.dateRange(new RelativeDateFilter(0, 0, DateGranularity.DAY, "date"));

        assertLocalRange("2024-09-13T00:00", "2024-09-14T00:00", today);
        assertEquals(Instant.parse("2024-09-12T22:00:00Z"), today.fromInstant());
        assertEquals(Instant.parse("2024-09-13T22:00:00Z"), today.toInstant());
        assertEquals(ZoneId.of("Europe/Prague"), today.zone());
        assertTrue(today.contains(Instant.parse("2024-09-12T23:30:00Z")));
    }

    @Test
    void aYearInTheContextTimeZone() {
        // 02:00 UTC on New Year's Day is still 21:00 on December 31 in New York: "this year" is 2023.
        ExecutionContext context = contextAt("2024-01-01T02:00:00+00:00", "America/New_York", "sunday");
        DateRange thisYear = context.dateRange(new RelativeDateFilter(0, 0, DateGranularity.YEAR, "date"));
        assertLocalRange("2023-01-01T00:00", "2024-01-01T00:00", thisYear);
        assertEquals(Instant.parse("2024-01-01T05:00:00Z"), thisYear.toInstant());
    }

    @Test
    void weekStartComesFromTheContext() {
        RelativeDateFilter thisWeek = new RelativeDateFilter(0, 0, DateGranularity.WEEK, "date");
        assertLocalRange("2024-09-09T00:00", "2024-09-16T00:00",
                contextAt("2024-09-12T12:00:00Z", "Etc/UTC", "monday").dateRange(thisWeek));
        assertLocalRange("2024-09-08T00:00", "2024-09-15T00:00",
                contextAt("2024-09-12T12:00:00Z", "Etc/UTC", "SUNDAY").dateRange(thisWeek));
    }

    @Test
    void aDayWithADaylightSavingGapIs23HoursLong() {
        // Prague moved clocks from 02:00 to 03:00 on 2024-03-31.
        ZonedDateTime now = ZonedDateTime.of(2024, 3, 31, 12, 0, 0, 0, ZoneId.of("Europe/Prague"));
        DateRange today = range(0, 0, DateGranularity.DAY, now);
        assertEquals(Duration.ofHours(23), Duration.between(today.from(), today.to()));
    }

    @Test
    void hoursCountElapsedTimeAcrossDaylightSaving() {
        // 03:30 CEST = 01:30 UTC; the hour before the current one is 00:00-01:00 UTC, i.e. 01:00 CET - 03:00 CEST.
        ZonedDateTime now = ZonedDateTime.of(2024, 3, 31, 3, 30, 0, 0, ZoneId.of("Europe/Prague"));
        DateRange previousHour = range(-1, -1, DateGranularity.HOUR, now);
        assertEquals(Instant.parse("2024-03-31T00:00:00Z"), previousHour.fromInstant());
        assertEquals(Instant.parse("2024-03-31T01:00:00Z"), previousHour.toInstant());
    }

    @Test
    void withoutTimestampTheClockGivesNow() {
        ExecutionContext context = ExecutionContext.parse(Payloads.labelElements()); // timestamp ""
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2024-02-29T10:00:00Z"), UTC);
        assertLocalRange("2024-02-29T00:00", "2024-03-01T00:00",
                context.dateRange(new RelativeDateFilter(0, 0, DateGranularity.DAY, "date"), clock));
    }

    @ParameterizedTest
    @EnumSource(value = DateGranularity.class, names = {"SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH",
            "QUARTER", "YEAR"})
    void everyPeriodGranularityGivesANonEmptyRangeAroundNow(DateGranularity granularity) {
        assertTrue(granularity.hasDateRange());
        DateRange current = range(0, 0, granularity, THURSDAY);
        assertFalse(current.isEmpty());
        assertTrue(current.contains(THURSDAY.toInstant()), current.toString());
        DateRange previous = range(-1, -1, granularity, THURSDAY);
        assertEquals(previous.to(), current.from(), "consecutive periods touch");
    }

    @ParameterizedTest
    @EnumSource(value = DateGranularity.class, mode = EnumSource.Mode.MATCH_ALL, names = ".*_OF_.*")
    void cyclicGranularitiesHaveNoRange(DateGranularity granularity) {
        assertFalse(granularity.hasDateRange());
        BadArgumentException e = assertThrows(BadArgumentException.class,
                () -> range(0, 0, granularity, THURSDAY));
        assertEquals("The relative date filter on dataset 'date' has granularity " + granularity
                + ", which has no single date range: it is cyclic, so the filter selects a recurring slice"
                + " (e.g. every Monday), not one range. Read its from, to and granularity directly.", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = DateGranularity.class, names = {"FISCAL_MONTH", "FISCAL_QUARTER", "FISCAL_YEAR"})
    void fiscalGranularitiesNeedACalendarTheContextLacks(DateGranularity granularity) {
        BadArgumentException e = assertThrows(BadArgumentException.class,
                () -> range(0, 0, granularity, THURSDAY));
        assertTrue(e.getMessage().contains("fiscal calendar"), e.getMessage());
    }

    @Test
    void timestampHasNoPeriod() {
        BadArgumentException e = assertThrows(BadArgumentException.class,
                () -> range(0, 0, DateGranularity.TIMESTAMP, THURSDAY));
        assertTrue(e.getMessage().contains("TIMESTAMP has no period"), e.getMessage());
    }

    @Test
    void reversedBoundsAreRejected() {
        BadArgumentException e = assertThrows(BadArgumentException.class,
                () -> range(0, -1, DateGranularity.DAY, THURSDAY));
        assertEquals("The relative date filter on dataset 'date' has from (0) after to (-1).", e.getMessage());
    }

    @Test
    void absurdOffsetsAreABadArgumentNotACrash() {
        assertThrows(BadArgumentException.class, () -> range(Integer.MIN_VALUE, 0, DateGranularity.YEAR, THURSDAY));
    }

    static ExecutionContext contextAt(String timestamp, String timezone, String weekStart) {
        var payload = Payloads.minimalReport();
        payload.put("timestamp", timestamp).put("timezone", timezone).put("weekStart", weekStart);
        return ExecutionContext.parse(payload);
    }
}
