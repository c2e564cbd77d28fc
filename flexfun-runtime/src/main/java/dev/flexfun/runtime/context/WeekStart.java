package dev.flexfun.runtime.context;

import java.time.DayOfWeek;

/** The first day of the week in the workspace's calendar. */
public enum WeekStart {
    SUNDAY(DayOfWeek.SUNDAY),
    MONDAY(DayOfWeek.MONDAY);

    private final DayOfWeek dayOfWeek;

    WeekStart(DayOfWeek dayOfWeek) {
        this.dayOfWeek = dayOfWeek;
    }

    public DayOfWeek dayOfWeek() {
        return dayOfWeek;
    }
}
