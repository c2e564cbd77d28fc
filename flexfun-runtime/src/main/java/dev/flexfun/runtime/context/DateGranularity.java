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
    TIMESTAMP(Kind.RAW),
    SECOND(Kind.PERIOD),
    MINUTE(Kind.PERIOD),
    HOUR(Kind.PERIOD),
    DAY(Kind.PERIOD),
    WEEK(Kind.PERIOD),
    MONTH(Kind.PERIOD),
    QUARTER(Kind.PERIOD),
    YEAR(Kind.PERIOD),
    SECOND_OF_MINUTE(Kind.CYCLIC),
    SECOND_OF_DAY(Kind.CYCLIC),
    MINUTE_OF_HOUR(Kind.CYCLIC),
    MINUTE_OF_DAY(Kind.CYCLIC),
    HOUR_OF_DAY(Kind.CYCLIC),
    DAY_OF_WEEK(Kind.CYCLIC),
    DAY_OF_MONTH(Kind.CYCLIC),
    DAY_OF_YEAR(Kind.CYCLIC),
    WEEK_OF_YEAR(Kind.CYCLIC),
    MONTH_OF_YEAR(Kind.CYCLIC),
    QUARTER_OF_YEAR(Kind.CYCLIC),
    FISCAL_MONTH(Kind.FISCAL),
    FISCAL_QUARTER(Kind.FISCAL),
    FISCAL_YEAR(Kind.FISCAL);

    /** The family of a granularity; see the class comment. */
    public enum Kind {
        RAW,
        PERIOD,
        CYCLIC,
        FISCAL
    }

    private final Kind kind;

    DateGranularity(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Whether a relative date filter of this granularity resolves to one date range with
     * {@link RelativeDateFilter#resolve}: true exactly for SECOND, MINUTE, HOUR, DAY, WEEK, MONTH,
     * QUARTER and YEAR.
     */
    public boolean hasDateRange() {
        return kind == Kind.PERIOD;
    }
}
