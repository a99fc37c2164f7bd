package cn.gov.eco.platform.calendar;

/** What kind of day a date is in the State Council calendar. */
public enum DayKind {
    /** 工作日: Monday to Friday, not a statutory holiday. */
    WORKDAY(true),
    /** 周末: Saturday or Sunday that is not an adjusted working day. */
    WEEKEND(false),
    /** 法定节假日 (incl. the weekdays moved into a holiday by 调休). */
    HOLIDAY(false),
    /** 调休上班: a Saturday or Sunday that the State Council made a working day; counted as a working day [I]. */
    ADJUSTED_WORKDAY(true);

    private final boolean workingDay;

    DayKind(boolean workingDay) {
        this.workingDay = workingDay;
    }

    public boolean isWorkingDay() {
        return workingDay;
    }
}
