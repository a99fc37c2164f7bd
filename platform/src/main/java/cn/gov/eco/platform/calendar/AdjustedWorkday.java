package cn.gov.eco.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/** 调休上班: a weekend day made a working day, and the holiday it was moved for. */
public record AdjustedWorkday(LocalDate date, String holidayNameZh, String holidayNameEn) {

    public AdjustedWorkday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(holidayNameZh, "holidayNameZh");
        Objects.requireNonNull(holidayNameEn, "holidayNameEn");
        if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
            throw new IllegalArgumentException("adjusted working day " + date + " is not a Saturday or Sunday");
        }
    }
}
