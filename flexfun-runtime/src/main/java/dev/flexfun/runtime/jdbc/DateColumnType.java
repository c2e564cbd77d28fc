package dev.flexfun.runtime.jdbc;

import dev.flexfun.runtime.context.DateRange;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** What a date dataset's column holds, which decides the values a date range is bound as. */
public enum DateColumnType {
    /** A calendar date ({@code DATE}): a day is in the range when its start is ({@link DateRange#contains(LocalDate)}). */
    DATE {
        @Override
        Object from(DateRange range) {
            return firstDayStartingAtOrAfter(range.fromLocal());
        }

        @Override
        Object to(DateRange range) {
            return firstDayStartingAtOrAfter(range.toLocal());
        }
    },
    /** A zone-less date-time ({@code TIMESTAMP}), read in the context's time zone. */
    TIMESTAMP {
        @Override
        Object from(DateRange range) {
            return range.fromLocal();
        }

        @Override
        Object to(DateRange range) {
            return range.toLocal();
        }
    },
    /** An instant ({@code TIMESTAMP WITH TIME ZONE}). */
    TIMESTAMP_WITH_TIME_ZONE {
        @Override
        Object from(DateRange range) {
            return range.from().toOffsetDateTime();
        }

        @Override
        Object to(DateRange range) {
            return range.to().toOffsetDateTime();
        }
    };

    /** The inclusive lower bound to bind. */
    abstract Object from(DateRange range);

    /** The exclusive upper bound to bind. */
    abstract Object to(DateRange range);

    private static LocalDate firstDayStartingAtOrAfter(LocalDateTime moment) {
        LocalDate day = moment.toLocalDate();
        return moment.toLocalTime().equals(LocalTime.MIDNIGHT) ? day : day.plusDays(1);
    }
}
