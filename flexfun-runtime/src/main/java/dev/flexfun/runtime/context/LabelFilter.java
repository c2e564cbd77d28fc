package dev.flexfun.runtime.context;

/** A filter on the values of one label. */
public sealed interface LabelFilter extends Filter
        permits AttributeFilter, MatchAttributeFilter {

    /** The label whose values this filter restricts. */
    String labelIdentifier();

    /**
     * Whether a row whose label has this value passes the filter. {@code null} stands for the
     * "empty" element, as in the filter's own values.
     */
    boolean accepts(String value);
}
