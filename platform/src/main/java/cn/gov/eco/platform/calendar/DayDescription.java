package cn.gov.eco.platform.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One date as the calendar sees it. {@code holidayNameZh/En} name the holiday for HOLIDAY and
 * ADJUSTED_WORKDAY days, "周末"/"weekend" for WEEKEND and are null for an ordinary WORKDAY.
 * {@code provisional}: the day's kind comes from a provisional year ({@link StatutoryHolidays}), not a notice.
 */
public record DayDescription(LocalDate date, DayKind kind, boolean workingDay, String holidayNameZh, String holidayNameEn,
                             boolean provisional) {

    public DayDescription(LocalDate date, DayKind kind, boolean workingDay, String holidayNameZh, String holidayNameEn) {
        this(date, kind, workingDay, holidayNameZh, holidayNameEn, false);
    }

    DayDescription asProvisional() {
        return provisional ? this : new DayDescription(date, kind, workingDay, holidayNameZh, holidayNameEn, true);
    }

    public DayDescription {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        if (workingDay != kind.isWorkingDay()) {
            throw new IllegalArgumentException("workingDay must match kind " + kind);
        }
    }

    /** Reason a rest day is skipped / the adjusted day belongs to, in Chinese (e.g. 国庆节, 周末). */
    public String reasonZh() {
        return switch (kind) {
            case WORKDAY -> "工作日";
            case WEEKEND -> "周末";
            case HOLIDAY -> holidayNameZh;
            case ADJUSTED_WORKDAY -> holidayNameZh + "调休上班";
        };
    }

    public String reasonEn() {
        return switch (kind) {
            case WORKDAY -> "working day";
            case WEEKEND -> "weekend";
            case HOLIDAY -> holidayNameEn + " holiday";
            case ADJUSTED_WORKDAY -> "adjusted working day for " + holidayNameEn;
        };
    }
}
