package dev.flexfun.runtime.context;

import dev.flexfun.runtime.BadArgumentException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed date range. {@code from} and {@code to} are local date-times in the context's time
 * zone, written {@code yyyy-M-d} or {@code yyyy-M-d H:m} as in the schema, and BOTH are inclusive:
 * a date-only {@code to} includes that whole day, a {@code to} with a time includes that whole
 * minute.
 */
public record AbsoluteDateFilter(String from, String to, String datasetIdentifier) implements DateFilter {
    /** The {@code filterType} of this filter in the execution context. */
    public static final String TYPE = "absoluteDateFilter";

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})( (\\d{1,2}):(\\d{1,2}))?");

    /**
     * Checks that both ends are in the schema's format.
     *
     * @param from the first day (or minute) inside, {@code yyyy-M-d} or {@code yyyy-M-d H:m}
     * @param to the last day (or minute) inside, in the same format
     * @param datasetIdentifier the date dataset the filter restricts
     */
    public AbsoluteDateFilter {
        Objects.requireNonNull(datasetIdentifier, "datasetIdentifier");
        parse(from, "from");
        parse(to, "to");
    }

    @Override
    public String filterType() {
        return TYPE;
    }

    /** {@return the inclusive start; midnight when {@link #from()} has no time} */
    public LocalDateTime fromDateTime() {
        return parse(from, "from");
    }

    /**
     * {@return {@link #to()} as written} That is the start of its day or minute; the bound itself
     * is inclusive.
     */
    public LocalDateTime toDateTime() {
        return parse(to, "to");
    }

    /** {@return whether {@link #from()} carries a time of day} */
    public boolean fromHasTime() {
        return hasTime(from);
    }

    /** {@return whether {@link #to()} carries a time of day} */
    public boolean toHasTime() {
        return hasTime(to);
    }

    /**
     * The range {@code [from, end of to)} in now's time zone; {@code now} itself and
     * {@code weekStart} do not matter for an absolute filter.
     *
     * @throws BadArgumentException when to is before from
     */
    @Override
    public DateRange resolve(ZonedDateTime now, DayOfWeek weekStart) {
        LocalDateTime start = fromDateTime();
        LocalDateTime end = hasTime(to) ? toDateTime().plusMinutes(1) : toDateTime().plusDays(1);
        if (end.isBefore(start) || end.equals(start)) {
            throw new BadArgumentException("The absolute date filter on dataset '" + datasetIdentifier
                    + "' has to (" + to + ") before from (" + from + ").");
        }
        return new DateRange(start.atZone(now.getZone()), end.atZone(now.getZone()));
    }

    private static boolean hasTime(String text) {
        Matcher m = FORMAT.matcher(text);
        return m.matches() && m.group(4) != null;
    }

    /**
     * Reads a bound, naming {@code path} in the error: e.g. 2024-1-31 or 2024-01-31 13:05.
     */
    static LocalDateTime parse(String text, String path) {
        Objects.requireNonNull(text, path);
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new BadArgumentException(path + " must be a date 'yyyy-MM-dd' or 'yyyy-MM-dd HH:mm', found \""
                    + text + "\".");
        }
        try {
            int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(5));
            int minute = m.group(4) == null ? 0 : Integer.parseInt(m.group(6));
            return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), hour, minute);
        } catch (DateTimeException e) {
            throw new BadArgumentException(path + " is not a valid date: \"" + text + "\" (" + e.getMessage() + ").", e);
        }
    }
}
