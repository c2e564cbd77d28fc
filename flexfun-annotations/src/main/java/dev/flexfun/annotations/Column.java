package dev.flexfun.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Customises the Arrow field derived from a record component. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Column {
    /** The column name; defaults to the component's name. */
    String name() default "";

    /**
     * Whether the column may hold nulls. Primitives are never nullable; references are nullable
     * unless this says {@link Nullability#NOT_NULL} (or a {@code @NonNull}/{@code @NotNull}
     * type-use annotation is present).
     */
    Nullability nullable() default Nullability.DEFAULT;

    /** Decimal precision (1..38); required for {@code BigDecimal}. */
    int precision() default -1;

    /** Decimal scale (0..precision); required for {@code BigDecimal}. */
    int scale() default -1;

    /** Time unit of a time or timestamp column; defaults to microseconds. */
    TimeUnit unit() default TimeUnit.DEFAULT;

    /**
     * Time zone of a timestamp column for {@code Instant}, {@code OffsetDateTime} and
     * {@code ZonedDateTime} (default "UTC"). Not allowed on {@code LocalDateTime}, which has none.
     */
    String timeZone() default "";

    /** Nullability of a column. */
    enum Nullability {
        /** Primitives are not nullable, references are. */
        DEFAULT,
        NULLABLE,
        NOT_NULL
    }

    /** Time units of Arrow time and timestamp types. */
    enum TimeUnit {
        /** Microseconds. */
        DEFAULT,
        SECOND,
        MILLISECOND,
        MICROSECOND,
        NANOSECOND
    }
}
