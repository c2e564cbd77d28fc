package dev.flexfun.runtime.context;

/**
 * The granularities of date attributes and relative date filters (date-granularity.json).
 *
 * <p>Three families: <em>periods</em> (SECOND .. YEAR) divide the time line into consecutive
 * periods, so a relative date filter on them is one date range; <em>cyclic</em> granularities
 * (DAY_OF_WEEK, MONTH_OF_YEAR ...) name a position inside a larger period that recurs, so a filter on
 * them selects recurring slices, not one range; <em>fiscal</em> granularities depend on the
 * workspace's fiscal calendar, which the execution context does not carry. {@code TIMESTAMP} is the
 * raw, unbucketed value.
 */
public enum DateGranularity {
    /** The raw, unbucketed value. */
    TIMESTAMP(Kind.RAW),
    /** Seconds. */
    SECOND(Kind.PERIOD),
    /** Minutes. */
    MINUTE(Kind.PERIOD),
    /** Hours. */
    HOUR(Kind.PERIOD),
    /** Calendar days. */
    DAY(Kind.PERIOD),
    /** Weeks, starting on the week start. */
    WEEK(Kind.PERIOD),
    /** Calendar months. */
    MONTH(Kind.PERIOD),
    /** Calendar quarters (January, April, July, October). */
    QUARTER(Kind.PERIOD),
    /** Calendar years. */
    YEAR(Kind.PERIOD),
    /** The second within a minute. */
    SECOND_OF_MINUTE(Kind.CYCLIC),
    /** The second within a day. */
    SECOND_OF_DAY(Kind.CYCLIC),
    /** The minute within an hour. */
    MINUTE_OF_HOUR(Kind.CYCLIC),
    /** The minute within a day. */
    MINUTE_OF_DAY(Kind.CYCLIC),
    /** The hour within a day. */
    HOUR_OF_DAY(Kind.CYCLIC),
    /** The day within a week. */
    DAY_OF_WEEK(Kind.CYCLIC),
    /** The day within a month. */
    DAY_OF_MONTH(Kind.CYCLIC),
    /** The day within a year. */
    DAY_OF_YEAR(Kind.CYCLIC),
    /** The week within a year. */
    WEEK_OF_YEAR(Kind.CYCLIC),
    /** The month within a year. */
    MONTH_OF_YEAR(Kind.CYCLIC),
    /** The quarter within a year. */
    QUARTER_OF_YEAR(Kind.CYCLIC),
    /** Months of the workspace's fiscal calendar. */
    FISCAL_MONTH(Kind.FISCAL),
    /** Quarters of the workspace's fiscal calendar. */
    FISCAL_QUARTER(Kind.FISCAL),
    /** Years of the workspace's fiscal calendar. */
    FISCAL_YEAR(Kind.FISCAL);

    /** The family of a granularity; see the class comment. */
    public enum Kind {
        /** The raw value, not bucketed. */
        RAW,
        /** Consecutive periods of the time line. */
        PERIOD,
        /** A position inside a larger, recurring period. */
        CYCLIC,
        /** Periods of the workspace's fiscal calendar. */
        FISCAL
    }

    private final Kind kind;

    DateGranularity(Kind kind) {
        this.kind = kind;
    }

    /** {@return the family of this granularity} */
    public Kind kind() {
        return kind;
    }

    /**
     * {@return whether a relative date filter of this granularity resolves to one date range} With
     * {@link RelativeDateFilter#resolve} that is true exactly for SECOND, MINUTE, HOUR, DAY, WEEK,
     * MONTH,
     * QUARTER and YEAR.
     */
    public boolean hasDateRange() {
        return kind == Kind.PERIOD;
    }
}
