package dev.flexfun.runtime.context;

/** How a {@link MatchAttributeFilter} compares label values with its literal. */
public enum MatchType {
    CONTAINS,
    STARTS_WITH,
    ENDS_WITH
}
