package dev.flexfun.runtime.context;

/** What GoodData is computing with the function's result. */
public enum ExecutionType {
    /** A report (visualization, export, alert): the function returns rows for the attributes and filters. */
    REPORT,
    /** The elements of one label, e.g. the values listed in an attribute filter's drop-down. */
    LABEL_ELEMENTS
}
