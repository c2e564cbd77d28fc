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
    /** {@return the column name} Defaults to the component's name. */
    String name() default "";

    /**
     * {@return whether the column may hold nulls} Primitives are never nullable; references are nullable
     * unless this says {@link Nullability#NOT_NULL} (or a {@code @NonNull}/{@code @NotNull}
     * type-use annotation is present).
     */
    Nullability nullable() default Nullability.DEFAULT;

    /** {@return the decimal precision (1..38)} Required for {@code BigDecimal}. */
    int precision() default -1;

    /** {@return the decimal scale (0..precision)} Required for {@code BigDecimal}. */
    int scale() default -1;

    /** {@return the time unit of a time or timestamp column} Defaults to microseconds. */
    TimeUnit unit() default TimeUnit.DEFAULT;

    /**
     * {@return the time zone of a timestamp column} For {@code Instant}, {@code OffsetDateTime} and
     * {@code ZonedDateTime}; "UTC" by default. Not allowed on {@code LocalDateTime}, which has none.
     */
    String timeZone() default "";

    /** Nullability of a column. */
    enum Nullability {
        /** Primitives are not nullable, references are. */
        DEFAULT,
        /** May hold nulls (not allowed on a primitive). */
        NULLABLE,
        /** Never holds nulls: a null value fails the call, naming the column and the row. */
        NOT_NULL
    }

    /** Time units of Arrow time and timestamp types. */
    enum TimeUnit {
        /** Microseconds. */
        DEFAULT,
        /** Seconds. */
        SECOND,
        /** Milliseconds. */
        MILLISECOND,
        /** Microseconds. */
        MICROSECOND,
        /** Nanoseconds. */
        NANOSECOND
    }
}
