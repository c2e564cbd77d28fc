package dev.flexfun.examples;

import dev.flexfun.annotations.FlexFun;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/** A function whose rows use every supported column type: typical values, edge values, and nulls. */
public final class AllTypesFunction {
    static final List<AllTypes> ROWS = List.of(
            new AllTypes(true, false, (byte) 7, (short) 300, 42, 9_000_000_000L, 0.5f, 21.5,
                    "typical", 'A', DayOfWeek.MONDAY, UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                    new BigDecimal("1234.50"), LocalDate.of(2025, 3, 14), LocalTime.of(9, 30, 15, 250_000_000),
                    LocalDateTime.of(2025, 3, 14, 9, 30, 15), Instant.parse("2025-03-14T08:30:15.123456Z"),
                    OffsetDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)),
                    ZonedDateTime.of(2025, 3, 14, 8, 30, 15, 123_000_000, ZoneId.of("UTC")),
                    "hello".getBytes(StandardCharsets.UTF_8), Optional.of("with a note"), OptionalInt.of(1),
                    OptionalLong.of(2L), OptionalDouble.of(3.5)),
            new AllTypes(false, true, Byte.MIN_VALUE, Short.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
                    Float.NaN, Double.NEGATIVE_INFINITY, "", 'ř', DayOfWeek.SUNDAY, new UUID(0, 0),
                    new BigDecimal("-9999999999.99"), LocalDate.of(1900, 1, 1), LocalTime.MIDNIGHT,
                    LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), Instant.parse("1960-02-29T00:00:00.000001Z"),
                    OffsetDateTime.of(2024, 12, 24, 18, 0, 0, 0, ZoneOffset.ofHours(1)),
                    ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC")), new byte[0],
                    Optional.of("Grüße, 世界 ✓"), OptionalInt.of(Integer.MAX_VALUE), OptionalLong.of(Long.MIN_VALUE),
                    OptionalDouble.of(-0.0)),
            // Row of nulls: every nullable column empty (primitives and NOT_NULL columns cannot be).
            new AllTypes(false, null, (byte) 0, (short) 0, 0, null, 0f, null, "nulls", 'z', null, null, null, null,
                    null, null, null, null, null, null, Optional.empty(), OptionalInt.empty(), OptionalLong.empty(),
                    OptionalDouble.empty()));

    private AllTypesFunction() {
    }

    /** Repeatable: a {@code List} result can be read again while the server keeps it. */
    @FlexFun(name = "AllTypes", description = "One column of every supported type, nulls included")
    public static List<AllTypes> allTypes() {
        return ROWS;
    }
}
