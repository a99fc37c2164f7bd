package cn.gov.eco.platform.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The payload of {@code cn.gov.eco.calendar.CalendarRevised.v1} on {@code calendar.v1} (schema
 * {@code contracts/schemas/CalendarRevised.v1.schema.json}): an official year approved by a second calendar
 * administrator. Written by case-service, read by every service ({@link cn.gov.eco.platform.calendar.feed}).
 */
public record CalendarRevisedV1(int year, int version, boolean official, Source source, List<Holiday> holidays,
                                List<Adjusted> adjustedWorkdays, Actor proposedBy, Instant proposedAt, Actor approvedBy,
                                Instant approvedAt) {

    public record Source(String documentId, String title, LocalDate issuedOn, String url) {
    }

    public record Holiday(LocalDate from, LocalDate to, String nameZh, String nameEn) {
    }

    public record Adjusted(LocalDate date, String holidayNameZh, String holidayNameEn) {
    }

    public record Actor(String userId, String name) {
    }

    public static CalendarRevisedV1 of(CalendarYear y, Source source, Actor proposedBy, Instant proposedAt,
                                       Actor approvedBy, Instant approvedAt) {
        return new CalendarRevisedV1(y.year(), y.version(), true, source,
                y.holidays().stream().map(h -> new Holiday(h.from(), h.to(), h.nameZh(), h.nameEn())).toList(),
                y.adjustedWorkdays().stream().map(a -> new Adjusted(a.date(), a.holidayNameZh(), a.holidayNameEn()))
                        .toList(), proposedBy, proposedAt, approvedBy, approvedAt);
    }

    /** The year as the calendar loads it; the title records who approved it. */
    public CalendarYear toCalendarYear() {
        String title = source.title() + (source.url() == null || source.url().isBlank() ? "" : " (" + source.url() + ")")
                + "; approved by " + approvedBy.userId() + " at " + approvedAt;
        return new CalendarYear(year, source.documentId(), title, version, false,
                holidays.stream().map(h -> new HolidayRange(h.from(), h.to(), h.nameZh(), h.nameEn())).toList(),
                adjustedWorkdays.stream().map(a -> new AdjustedWorkday(a.date(), a.holidayNameZh(), a.holidayNameEn()))
                        .toList());
    }

    public boolean complete() {
        return year > 0 && version > 0 && official && source != null && source.documentId() != null
                && source.title() != null && holidays != null && adjustedWorkdays != null && approvedBy != null
                && approvedBy.userId() != null && approvedAt != null;
    }
}
