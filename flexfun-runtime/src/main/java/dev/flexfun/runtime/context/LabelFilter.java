package dev.flexfun.runtime.context;

/** A filter on the values of one label. */
public sealed interface LabelFilter extends Filter
        permits AttributeFilter, MatchAttributeFilter {

    /** {@return the label whose values this filter restricts} */
    String labelIdentifier();

    /**
     * Whether a row whose label has this value passes the filter.
     *
     * @param value the row's label value; {@code null} stands for the "empty" element, as in the
     * filter's own values
     * @return whether the row passes
     */
    boolean accepts(String value);
}
