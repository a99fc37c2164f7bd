package cn.gov.eco.platform.calendar;

import java.time.LocalDate;

/**
 * The move of a raw end date off a rest day.
 *
 * @param applied false when the policy is information only: {@code to} is shown, the result stays {@code from}
 */
public record RollForward(LocalDate from, LocalDate to, String reasonZh, String reasonEn, boolean applied) {
}
