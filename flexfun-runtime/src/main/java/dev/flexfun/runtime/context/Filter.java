package dev.flexfun.runtime.context;

/**
 * A filter of the execution (filter.json), told apart by its {@code filterType}:
 * <ul>
 *   <li>{@link LabelFilter}s restrict the values of one label:
 *       {@link PositiveAttributeFilter}, {@link NegativeAttributeFilter}, {@link MatchAttributeFilter};</li>
 *   <li>{@link DateFilter}s restrict one date dataset: {@link RelativeDateFilter}, {@link AbsoluteDateFilter};</li>
 *   <li>{@link UnknownFilter} keeps the raw JSON of a kind this version does not know, because
 *       GoodData adds kinds over time and an unknown one must not fail the call.</li>
 * </ul>
 * The hierarchy is sealed, so a {@code switch} over it is checked for completeness.
 */
public sealed interface Filter permits LabelFilter, DateFilter, UnknownFilter {

    /** {@return the {@code filterType} as sent, e.g. {@code positiveAttributeFilter}} */
    String filterType();
}
