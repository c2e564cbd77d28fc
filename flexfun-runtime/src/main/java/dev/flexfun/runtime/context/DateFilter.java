package dev.flexfun.runtime.context;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;

/**
 * A filter on one date dataset. {@link #resolve} turns it into the concrete half-open range
 * {@code [from, to)} it selects; {@link ExecutionContext#dateRange(DateFilter)} does so with the
 * context's own "now", time zone and week start.
 */
public sealed interface DateFilter extends Filter permits RelativeDateFilter, AbsoluteDateFilter {

    /** {@return the date dataset this filter restricts} */
    String datasetIdentifier();

    /**
     * The range this filter selects.
     *
     * @return the half-open range {@code [from, to)}, in the time zone of {@code now}
     * @param now the moment relative filters count from, in the time zone the range is expressed in
     * @param weekStart the first day of a week (used by relative WEEK filters only)
     * @throws dev.flexfun.runtime.BadArgumentException when the filter has no single range (see
     *     {@link DateGranularity#hasDateRange()}) or its bounds are reversed
     */
    DateRange resolve(ZonedDateTime now, DayOfWeek weekStart);
}
