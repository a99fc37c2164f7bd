package cn.gov.eco.platform.calendar;

import java.time.LocalDate;

/**
 * A computation needed a date whose holiday table is not loaded. We never guess holidays: the State Council
 * publishes each year's table in November of the previous year, and it must be added to the calendar data.
 */
public class DateOutsideCalendarException extends RuntimeException {

    private final LocalDate date;
    private final String calendarVersion;

    public DateOutsideCalendarException(LocalDate date, LocalDate coveredFrom, LocalDate coveredTo, String calendarVersion) {
        super("Date " + date + " is outside the working-day calendar " + calendarVersion + " (covers " + coveredFrom
                + ".." + coveredTo + "); add that year's State Council holiday table / 日期" + date + "超出工作日历"
                + calendarVersion + "的覆盖范围（" + coveredFrom + "至" + coveredTo + "），请先录入该年度国务院节假日安排");
        this.date = date;
        this.calendarVersion = calendarVersion;
    }

    public LocalDate date() {
        return date;
    }

    public String calendarVersion() {
        return calendarVersion;
    }
}
