package cn.gov.eco.platform.calendar;

import java.util.List;
import java.util.Objects;

/** One year's State Council holiday table and the document it comes from. */
public record CalendarYear(int year, String sourceDocumentId, String sourceTitle,
                           List<HolidayRange> holidays, List<AdjustedWorkday> adjustedWorkdays) {

    public CalendarYear {
        Objects.requireNonNull(sourceDocumentId, "sourceDocumentId");
        holidays = List.copyOf(holidays);
        adjustedWorkdays = List.copyOf(adjustedWorkdays);
    }
}
