package dev.flexfun.processor.model;

/** What a parameter's type alone suggests it receives; lets errors say which annotation is missing. */
public enum TypeShape {
    CALL_CONTEXT,
    EXECUTION_CONTEXT,
    OPTIONAL_EXECUTION_CONTEXT,
    /** {@code Set<String>}: the columns hint, with {@code @Columns}. */
    COLUMNS_SET,
    /** {@code Map<String, List<String>>}: the headers, with {@code @Headers}. */
    HEADERS_MAP,
    /** A type {@code @Param} can bind. */
    BINDABLE,
    OTHER
}
