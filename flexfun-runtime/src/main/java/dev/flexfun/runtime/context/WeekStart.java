package dev.flexfun.runtime.context;

import java.time.DayOfWeek;

/** The first day of the week in the workspace's calendar. */
public enum WeekStart {
    /** Weeks start on Sunday. */
    SUNDAY(DayOfWeek.SUNDAY),
    /** Weeks start on Monday. */
    MONDAY(DayOfWeek.MONDAY);

    private final DayOfWeek dayOfWeek;

    WeekStart(DayOfWeek dayOfWeek) {
        this.dayOfWeek = dayOfWeek;
    }

    /** {@return the day as a {@link DayOfWeek}} */
    public DayOfWeek dayOfWeek() {
        return dayOfWeek;
    }
}
