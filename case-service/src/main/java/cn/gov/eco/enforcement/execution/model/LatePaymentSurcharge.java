package cn.gov.eco.enforcement.execution.model;

import cn.gov.eco.platform.calendar.WorkingDayCalendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 加处罚款: for every calendar day after the due date up to and including the payment date, 3% of the fine, the total
 * never more than the fine itself (《行政处罚法》第七十二条第一款第一项; 《行政强制法》第四十五条).
 *
 * <p>The statute fixes the rate and the cap [V]; rounding the total to the fen is ours, and its mode is a setting
 * (DOMAIN.md §8.5.2 "round to the fen, with the rounding rule set in config") [I].
 */
public final class LatePaymentSurcharge {

    /** 每日按罚款数额的百分之三加处罚款 (行政处罚法 第七十二条). */
    public static final BigDecimal STATUTORY_DAILY_RATE = new BigDecimal("0.03");

    private final BigDecimal dailyRate;
    private final RoundingMode rounding;

    public LatePaymentSurcharge(BigDecimal dailyRate, RoundingMode rounding) {
        this.dailyRate = Objects.requireNonNull(dailyRate, "dailyRate");
        this.rounding = Objects.requireNonNull(rounding, "rounding");
        if (dailyRate.signum() < 0) {
            throw new IllegalArgumentException("the daily rate cannot be negative");
        }
    }

    public static LatePaymentSurcharge statutory() {
        return new LatePaymentSurcharge(STATUTORY_DAILY_RATE, RoundingMode.HALF_UP);
    }

    /** Calendar days after {@code dueDate} up to and including {@code until} (0 on or before the due date). */
    public long overdueDays(LocalDate dueDate, LocalDate until) {
        return WorkingDayCalendar.overdueCalendarDays(dueDate, until);
    }

    /**
     * The surcharge on {@code base} (the fine, or one instalment of it) due on {@code dueDate}, accrued up to
     * {@code until}: {@code min(base × rate × overdueDays, base)}, rounded to the fen.
     */
    public BigDecimal accrued(BigDecimal base, LocalDate dueDate, LocalDate until) {
        BigDecimal principal = base.setScale(2, RoundingMode.UNNECESSARY);
        long days = overdueDays(dueDate, until);
        BigDecimal raw = principal.multiply(dailyRate).multiply(BigDecimal.valueOf(days)).setScale(2, rounding);
        return raw.min(principal); // 行政强制法 第四十五条第二款: 加处罚款的数额不得超出金钱给付义务的数额
    }

    public BigDecimal dailyRate() {
        return dailyRate;
    }

    public RoundingMode rounding() {
        return rounding;
    }
}
