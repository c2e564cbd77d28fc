package dev.flexfun.processor.model;

import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * One column, derived from one record component and its {@code @Column}.
 *
 * @param component   the record component
 * @param position    where errors about the column point: the component's field (javac cannot place a
 *                    diagnostic on a record component element itself; the field shares its source position)
 * @param accessor    the accessor method's name
 * @param name        the column name (the component's, unless {@code @Column(name)} renames it)
 * @param type        the component's declared type
 * @param kind        what the value is
 * @param wrapper     how it is wrapped
 * @param primitive   whether the component is a primitive (never null)
 * @param nullable    whether the Arrow field is nullable
 * @param nullability the {@code @Column(nullable)} constant's name (DEFAULT when absent)
 * @param precision   {@code @Column(precision)}, -1 when not set
 * @param scale       {@code @Column(scale)}, -1 when not set
 * @param unit        the Arrow time unit's name (SECOND, MILLISECOND, MICROSECOND, NANOSECOND)
 * @param unitSet     whether {@code @Column(unit)} was set
 * @param timeZone    {@code @Column(timeZone)}, the empty string when not set
 */
public record ColumnModel(
        Element component,
        Element position,
        String accessor,
        String name,
        TypeMirror type,
        ValueKind kind,
        Wrapper wrapper,
        boolean primitive,
        boolean nullable,
        String nullability,
        int precision,
        int scale,
        String unit,
        boolean unitSet,
        String timeZone) {

    /** The time zone of a zoned timestamp: {@code @Column(timeZone)}, or UTC. */
    public String effectiveTimeZone() {
        return timeZone.isEmpty() ? "UTC" : timeZone;
    }
}
