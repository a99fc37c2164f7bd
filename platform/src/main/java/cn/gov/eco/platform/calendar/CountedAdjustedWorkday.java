package cn.gov.eco.platform.calendar;

import java.time.LocalDate;

/** An adjusted working weekend (调休上班) that was counted as a working day [I], e.g. {@code 2025-10-11 国庆节调休上班 counted}. */
public record CountedAdjustedWorkday(LocalDate date, String holidayNameZh, String holidayNameEn) {

    public String label() {
        return date + " " + holidayNameZh + "调休上班 counted";
    }
}
