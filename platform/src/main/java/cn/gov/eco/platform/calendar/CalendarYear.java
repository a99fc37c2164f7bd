package cn.gov.eco.platform.calendar;

import java.util.List;
import java.util.Objects;

/**
 * One year's holiday table and where it comes from.
 *
 * @param sourceDocumentId the State Council notice (e.g. 国办发明电〔2024〕12号), or {@code PROVISIONAL/<order>} for a
 *                         provisional year derived by {@link StatutoryHolidays}
 * @param sourceTitle      the notice's title and where it was read
 * @param version          1 for the first table loaded for the year, +1 for each approved correction; 0 when provisional
 * @param provisional      derived from the statutory holidays, not from a published notice: every date computed on it
 *                         is flagged and recomputed when the notice is loaded (DOMAIN §0.2)
 * @param holidays         rest days (放假), may start in the previous year (e.g. 元旦 from 12-30)
 * @param adjustedWorkdays weekend days that are working days (调休上班), may lie in the previous year
 */
public record CalendarYear(int year, String sourceDocumentId, String sourceTitle, int version, boolean provisional,
                           List<HolidayRange> holidays, List<AdjustedWorkday> adjustedWorkdays) {

    public CalendarYear {
        Objects.requireNonNull(sourceDocumentId, "sourceDocumentId");
        sourceTitle = sourceTitle == null ? "" : sourceTitle;
        holidays = List.copyOf(holidays);
        adjustedWorkdays = List.copyOf(adjustedWorkdays);
        if (version < 0 || (!provisional && version == 0)) {
            throw new IllegalArgumentException("year " + year + ": an official table has version >= 1, got " + version);
        }
    }

    /** An official year, version 1. */
    public CalendarYear(int year, String sourceDocumentId, String sourceTitle,
                        List<HolidayRange> holidays, List<AdjustedWorkday> adjustedWorkdays) {
        this(year, sourceDocumentId, sourceTitle, 1, false, holidays, adjustedWorkdays);
    }

    public boolean official() {
        return !provisional;
    }
}
