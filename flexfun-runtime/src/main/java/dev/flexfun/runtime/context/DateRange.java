package dev.flexfun.runtime.context;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A half-open time range {@code [from, to)}: {@code from} is the first instant inside, {@code to}
 * the first instant after it. Both ends are in the same time zone (the execution context's).
 *
 * <p>Use the {@code Local} forms to compare with zone-less date/time columns (the usual GoodData
 * date dataset), the {@code Instant} forms for timestamps stored as instants, and
 * {@link #firstDate()}/{@link #lastDate()} for an inclusive {@code BETWEEN} on a DATE column.
 */
public record DateRange(ZonedDateTime from, ZonedDateTime to) {

    /**
     * Checks that both ends are in one time zone and {@code to} is not before {@code from}.
     *
     * @param from the first instant inside
     * @param to the first instant after the range
     */
    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.getZone().equals(to.getZone())) {
            throw new IllegalArgumentException("from and to must be in one time zone: " + from + ", " + to);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from: [" + from + ", " + to + ")");
        }
    }

    /** {@return the time zone of both ends} */
    public ZoneId zone() {
        return from.getZone();
    }

    /** {@return the inclusive start as a local date-time in {@link #zone()}} */
    public LocalDateTime fromLocal() {
        return from.toLocalDateTime();
    }

    /** {@return the exclusive end as a local date-time in {@link #zone()}} */
    public LocalDateTime toLocal() {
        return to.toLocalDateTime();
    }

    /** {@return the inclusive start as an instant} */
    public Instant fromInstant() {
        return from.toInstant();
    }

    /** {@return the exclusive end as an instant} */
    public Instant toInstant() {
        return to.toInstant();
    }

    /** {@return the first calendar date with a moment inside the range (inclusive)} */
    public LocalDate firstDate() {
        return from.toLocalDate();
    }

    /**
     * {@return the last calendar date with a moment inside the range (inclusive)} For a range of
     * whole
     * days that is the day before {@link #to()}'s date.
     *
     * @throws IllegalStateException for an empty range, which has no last date
     */
    public LocalDate lastDate() {
        if (isEmpty()) {
            throw new IllegalStateException("An empty range has no last date: " + this);
        }
        return to.minusNanos(1).toLocalDate();
    }

    /** {@return whether the range holds no instant ({@code from} equals {@code to})} */
    public boolean isEmpty() {
        return !from.isBefore(to);
    }

    /**
     * {@return whether the instant lies in {@code [from, to)}}
     *
     * @param instant the instant
     */
    public boolean contains(Instant instant) {
        return !instant.isBefore(fromInstant()) && instant.isBefore(toInstant());
    }

    /**
     * {@return whether the local date-time (read in {@link #zone()}) lies in {@code [fromLocal,
     * toLocal)}}
     *
     * @param local the local date-time
     */
    public boolean contains(LocalDateTime local) {
        return !local.isBefore(fromLocal()) && local.isBefore(toLocal());
    }

    /**
     * {@return whether the whole calendar day lies in the range, i.e. its start is inside}
     *
     * @param date the calendar day
     */
    public boolean contains(LocalDate date) {
        return contains(date.atStartOfDay());
    }
}
