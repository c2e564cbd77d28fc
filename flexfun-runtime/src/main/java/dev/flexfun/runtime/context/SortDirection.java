package dev.flexfun.runtime.context;

/** The direction of an attribute's {@link Attribute.Sorting}. */
public enum SortDirection {
    /** Ascending. */
    ASC,
    /** Descending. */
    DESC
}
