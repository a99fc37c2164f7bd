package cn.gov.eco.platform.calendar;

/** The unit a period is counted in. A day count always says which kind of day it is. */
public enum PeriodUnit {
    WORKING_DAYS("个工作日", "working days"),
    CALENDAR_DAYS("个日历日", "calendar days"),
    MONTHS("个月", "months"),
    YEARS("年", "years");

    private final String zh;
    private final String en;

    PeriodUnit(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
