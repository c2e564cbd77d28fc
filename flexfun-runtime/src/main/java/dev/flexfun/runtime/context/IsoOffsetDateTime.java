package dev.flexfun.runtime.context;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Parses an execution context's {@code timestamp}. GoodData sends one with every call, shaped like
 * {@code 2024-09-12T12:51:26+00:00}; {@link OffsetDateTime#parse} spends about half of a small call's
 * context parsing on it in {@code DateTimeFormatter}'s general machinery. That common shape (seconds,
 * an optional fraction of up to nine digits, then {@code Z} or {@code ±HH:MM}) is read here directly;
 * any other text goes to {@link OffsetDateTime#parse}, so what is accepted, and how the rest fails,
 * is exactly as before.
 */
final class IsoOffsetDateTime {
    private static final int SHORTEST = "2000-01-01T00:00:00Z".length();

    private IsoOffsetDateTime() {
    }

    static OffsetDateTime parse(String text) {
        OffsetDateTime common = commonShape(text);
        return common != null ? common : OffsetDateTime.parse(text);
    }

    /** The date-time when {@code t} has the common shape and is valid; otherwise {@code null}. */
    private static OffsetDateTime commonShape(String t) {
        int n = t.length();
        if (n < SHORTEST || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (t.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(t.charAt(i))) {
                nano = nano * 10 + (t.charAt(i++) - '0');
            }
            if (i == start || (i < n && isDigit(t.charAt(i)))) {
                return null; // no digit, or more than nine
            }
            for (int k = i - start; k < 9; k++) {
                nano *= 10;
            }
        }
        ZoneOffset offset;
        if (i == n - 1 && t.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (i == n - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
            int hours = digits(t, i + 1, 2);
            int minutes = digits(t, i + 4, 2);
            if ((hours | minutes) < 0) {
                return null;
            }
            int sign = t.charAt(i) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException e) {
            return null; // out of range (month 13, 30 February, second 60): the general parser says why
        }
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
