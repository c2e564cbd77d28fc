package dev.flexfun.processor.model;

/** What a record component holds, as far as the Arrow type and the writer are concerned. */
public enum ValueKind {
    BOOL,
    INT8,
    INT16,
    INT32,
    INT64,
    FLOAT32,
    FLOAT64,
    STRING,
    CHAR,
    ENUM,
    UUID,
    DECIMAL,
    DATE,
    TIME,
    /** {@code LocalDateTime}: a timestamp without zone. */
    LOCAL_TIMESTAMP,
    /** {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}: a timestamp with zone. */
    ZONED_TIMESTAMP,
    BINARY,
    UNSUPPORTED;

    /** The Java types a component may have, as the "unsupported type" error lists them. */
    public static final String SUPPORTED_JAVA_TYPES = "boolean, byte, short, int, long, float, double, char (and"
            + " their boxes), String, enum, UUID, BigDecimal, LocalDate, LocalTime, LocalDateTime, Instant,"
            + " OffsetDateTime, ZonedDateTime, byte[], Optional<T> of any of these, OptionalInt, OptionalLong,"
            + " OptionalDouble";

    /** Whether the Arrow type has a time unit ({@code @Column(unit)} applies). */
    public boolean hasTimeUnit() {
        return this == TIME || this == LOCAL_TIMESTAMP || this == ZONED_TIMESTAMP;
    }
}
