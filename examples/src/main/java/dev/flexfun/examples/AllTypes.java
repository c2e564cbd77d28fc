package dev.flexfun.examples;

import dev.flexfun.annotations.Column;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One row of {@code AllTypes}: every Java type a column can have. Primitives are non-nullable
 * columns; every reference type is nullable unless {@code @Column(nullable = NOT_NULL)} says so;
 * {@code Optional}s are nullable columns of their content's type.
 */
public record AllTypes(
        // Bool
        boolean flag,
        Boolean maybeFlag,
        // Int 8/16/32/64, signed
        byte tiny,
        short small,
        int count,
        Long big,
        // FloatingPoint single/double
        float ratio,
        Double measure,
        // Utf8: String, char, enum (its name), UUID (canonical form)
        @Column(nullable = Column.Nullability.NOT_NULL) String label,
        char grade,
        DayOfWeek weekday,
        UUID uuid,
        // Decimal128(12, 2): precision and scale are required
        @Column(precision = 12, scale = 2) BigDecimal price,
        // Date(DAY), Time(MICROSECOND), Timestamp(MICROSECOND) without a zone
        LocalDate day,
        LocalTime time,
        LocalDateTime localTimestamp,
        // Timestamp with a zone: UTC and microseconds unless @Column says otherwise
        Instant instant,
        @Column(timeZone = "Europe/Prague") OffsetDateTime pragueTime,
        @Column(unit = Column.TimeUnit.MILLISECOND) ZonedDateTime zoned,
        // Binary
        byte[] payload,
        // nullable columns of the content's type
        Optional<String> note,
        OptionalInt optionalInt,
        OptionalLong optionalLong,
        OptionalDouble optionalDouble) {
}
