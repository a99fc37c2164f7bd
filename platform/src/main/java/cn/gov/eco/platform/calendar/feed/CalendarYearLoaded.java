package cn.gov.eco.platform.calendar.feed;

import cn.gov.eco.platform.calendar.CalendarYear;

/**
 * Published in the service's application context when an official year approved at run time was loaded into its
 * {@link cn.gov.eco.platform.calendar.WorkingDayCalendar}: the hook where a service recomputes the open deadlines it
 * computed on the provisional year.
 *
 * @param calendarVersion the calendar version after the load
 */
public record CalendarYearLoaded(CalendarYear year, String calendarVersion) {
}
