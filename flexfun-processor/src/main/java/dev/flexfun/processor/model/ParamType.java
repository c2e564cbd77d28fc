package dev.flexfun.processor.model;

/** The Java type a {@code @Param} value is converted to (after unwrapping {@code Optional}). */
public enum ParamType {
    STRING, CHAR, BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, BIG_DECIMAL, LOCAL_DATE, INSTANT,
    ENUM, STRING_LIST,
    /** A record, mapped from a JSON object by Jackson. */
    RECORD,
    /** {@code CallContext} or {@code ExecutionContext}: injected by type, never by {@code @Param}. */
    CONTEXT,
    UNSUPPORTED;

    /** For error messages: what {@code @Param} can bind. */
    public static final String SUPPORTED_JAVA_TYPES = "String, char, boolean, byte, short, int, long, float, double"
            + " (or their boxed types), BigDecimal, LocalDate, Instant, an enum, List<String>, a record (mapped by"
            + " Jackson), or Optional<T> of one of these";
}
