package dev.flexfun.runtime.context;

/** How a {@link MatchAttributeFilter} compares label values with its literal. */
public enum MatchType {
    /** The value contains the literal. */
    CONTAINS,
    /** The value starts with the literal. */
    STARTS_WITH,
    /** The value ends with the literal. */
    ENDS_WITH
}
