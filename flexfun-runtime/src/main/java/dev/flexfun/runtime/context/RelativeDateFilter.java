package dev.flexfun.runtime.context;

import dev.flexfun.runtime.BadArgumentException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * A date range counted in periods from "now": {@code from} and {@code to} are offsets, both
 * inclusive, from the period that contains now ({@code 0} = the current period, {@code -1} = the
 * previous one). For example DAY from -6 to 0 is the last seven days including today, and MONTH
 * from -1 to -1 is the previous calendar month.
 */
public record RelativeDateFilter(int from, int to, DateGranularity granularity, String datasetIdentifier)
        implements DateFilter {
    /** The {@code filterType} of this filter in the execution context. */
    public static final String TYPE = "relativeDateFilter";

    /**
     * Checks that the granularity and the dataset are present.
     *
     * @param from the first period, counted from the current one (0)
     * @param to the last period, inclusive
     * @param granularity the length of a period
     * @param datasetIdentifier the date dataset the filter restricts
     */
    public RelativeDateFilter {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(datasetIdentifier, "datasetIdentifier");
    }

    @Override
    public String filterType() {
        return TYPE;
    }

    /**
     * The range {@code [start of period (now + from), start of period (now + to + 1))} in now's
     * time zone. Periods are calendar periods in that zone: a DAY starts at local midnight (or the
     * first moment after it on a DST gap), a WEEK on {@code weekStart}, a QUARTER in January, April,
     * July or October. SECOND, MINUTE and HOUR periods count elapsed time, so "the last 2 hours"
     * across a DST change is still 2 hours long.
     *
     * @throws BadArgumentException for a granularity without a single range (cyclic ones such as
     *     DAY_OF_WEEK select a recurring slice, e.g. every Monday; fiscal ones need a fiscal
     *     calendar the context does not carry; TIMESTAMP has no period), or when from &gt; to
     */
    @Override
    public DateRange resolve(ZonedDateTime now, DayOfWeek weekStart) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(weekStart, "weekStart");
        if (!granularity.hasDateRange()) {
            throw new BadArgumentException("The relative date filter on dataset '" + datasetIdentifier
                    + "' has granularity " + granularity + ", which has no single date range: " + whyNoRange()
                    + " Read its from, to and granularity directly.");
        }
        if (from > to) {
            throw new BadArgumentException("The relative date filter on dataset '" + datasetIdentifier
                    + "' has from (" + from + ") after to (" + to + ").");
        }
        try {
            return new DateRange(periodStart(now, from, weekStart), periodStart(now, (long) to + 1, weekStart));
        } catch (DateTimeException | ArithmeticException e) {
            throw new BadArgumentException("The relative date filter on dataset '" + datasetIdentifier
                    + "' reaches outside the supported dates (from " + from + ", to " + to + " " + granularity + ").", e);
        }
    }

    /** The start of the period {@code offset} periods away from the one containing now. */
    private ZonedDateTime periodStart(ZonedDateTime now, long offset, DayOfWeek weekStart) {
        LocalDate today = now.toLocalDate();
        return switch (granularity) {
            case SECOND -> now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(offset);
            case MINUTE -> now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(offset);
            case HOUR -> now.truncatedTo(ChronoUnit.HOURS).plusHours(offset);
            case DAY -> today.plusDays(offset).atStartOfDay(now.getZone());
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(weekStart)).plusWeeks(offset)
                    .atStartOfDay(now.getZone());
            case MONTH -> today.withDayOfMonth(1).plusMonths(offset).atStartOfDay(now.getZone());
            case QUARTER -> today.withDayOfMonth(1).withMonth(firstMonthOfQuarter(today.getMonthValue()))
                    .plusMonths(3 * offset).atStartOfDay(now.getZone());
            case YEAR -> today.withDayOfYear(1).plusYears(offset).atStartOfDay(now.getZone());
            default -> throw new IllegalStateException("not a period granularity: " + granularity);
        };
    }

    private static int firstMonthOfQuarter(int month) {
        return (month - 1) / 3 * 3 + 1;
    }

    private String whyNoRange() {
        return switch (granularity.kind()) {
            case CYCLIC -> "it is cyclic, so the filter selects a recurring slice (e.g. every Monday), not one range.";
            case FISCAL -> "it depends on the workspace's fiscal calendar, which the execution context does not carry.";
            case RAW -> "TIMESTAMP has no period to count in.";
            case PERIOD -> throw new IllegalStateException("a period granularity has a range");
        };
    }
}
