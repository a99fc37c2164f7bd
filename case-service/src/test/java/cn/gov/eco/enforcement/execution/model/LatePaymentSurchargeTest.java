package cn.gov.eco.enforcement.execution.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** 加处罚款 (行政处罚法 第七十二条; 行政强制法 第四十五条): DOMAIN.md §9 scenarios 8 and 10 and its properties. */
class LatePaymentSurchargeTest {

    private static final LatePaymentSurcharge RULE = LatePaymentSurcharge.statutory();
    private static final LocalDate DUE = LocalDate.of(2025, 3, 27);

    @Test
    void shouldChargeThreePercentOfTheFinePerDayAfterTheDueDate_scenario10() {
        // fine 60,000, due 2025-03-27, paid 2025-04-10 → 14 days × 1,800 = 25,200
        assertThat(RULE.overdueDays(DUE, LocalDate.of(2025, 4, 10))).isEqualTo(14);
        assertThat(RULE.accrued(new BigDecimal("60000.00"), DUE, LocalDate.of(2025, 4, 10)))
                .isEqualByComparingTo("25200.00");
    }

    @Test
    void shouldChargeElevenDaysWhenPaidOnTheTwentiethOfOctober_scenario8() {
        assertThat(RULE.accrued(new BigDecimal("10000.00"), LocalDate.of(2025, 10, 9), LocalDate.of(2025, 10, 20)))
                .isEqualByComparingTo("3300.00");
    }

    @Test
    void shouldChargeNothingWhenPaidOnOrBeforeTheDueDate_scenario7() {
        assertThat(RULE.accrued(new BigDecimal("60000.00"), DUE, LocalDate.of(2025, 3, 20))).isZero();
        assertThat(RULE.accrued(new BigDecimal("60000.00"), DUE, DUE)).isZero();
    }

    @Test
    void shouldNeverChargeMoreThanTheFineAfterThirtyFourDays() {
        // 34 × 3% = 102%: capped at the fine (行政强制法 第四十五条第二款)
        assertThat(RULE.accrued(new BigDecimal("10000.00"), DUE, DUE.plusDays(33))).isEqualByComparingTo("9900.00");
        assertThat(RULE.accrued(new BigDecimal("10000.00"), DUE, DUE.plusDays(34))).isEqualByComparingTo("10000.00");
        assertThat(RULE.accrued(new BigDecimal("10000.00"), DUE, DUE.plusDays(400))).isEqualByComparingTo("10000.00");
    }

    @Test
    void shouldRoundToTheFenByTheConfiguredMode() {
        // 0.01 × 3% × 1 day = 0.0003 → HALF_UP 0.00, UP 0.01
        assertThat(RULE.accrued(new BigDecimal("0.01"), DUE, DUE.plusDays(1))).isEqualByComparingTo("0.00");
        var up = new LatePaymentSurcharge(LatePaymentSurcharge.STATUTORY_DAILY_RATE, RoundingMode.UP);
        assertThat(up.accrued(new BigDecimal("0.01"), DUE, DUE.plusDays(1))).isEqualByComparingTo("0.01");
        assertThat(up.accrued(new BigDecimal("333.33"), DUE, DUE.plusDays(1))).isEqualByComparingTo("10.00");
        assertThat(RULE.accrued(new BigDecimal("333.33"), DUE, DUE.plusDays(1))).isEqualByComparingTo("10.00");
        assertThat(RULE.accrued(new BigDecimal("333.33"), DUE, DUE.plusDays(1)).scale()).isEqualTo(2);
    }

    @Provide
    Arbitrary<BigDecimal> fines() {
        return Arbitraries.longs().between(1, 99_999_999_999L).map(fen -> BigDecimal.valueOf(fen, 2));
    }

    @Provide
    Arbitrary<RoundingMode> modes() {
        return Arbitraries.of(RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.UP, RoundingMode.DOWN,
                RoundingMode.CEILING, RoundingMode.FLOOR);
    }

    @Property
    void surchargeIsNeverMoreThanTheFine(@ForAll("fines") BigDecimal fine, @ForAll @IntRange(min = -30, max = 3000) int days,
                                         @ForAll("modes") RoundingMode mode) {
        var rule = new LatePaymentSurcharge(LatePaymentSurcharge.STATUTORY_DAILY_RATE, mode);
        BigDecimal s = rule.accrued(fine, DUE, DUE.plusDays(days));
        assertThat(s).isLessThanOrEqualTo(fine).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(s.scale()).isEqualTo(2);
    }

    @Property
    void surchargeNeverDecreasesAsDaysGoBy(@ForAll("fines") BigDecimal fine,
                                           @ForAll @IntRange(min = 0, max = 1000) int days,
                                           @ForAll @IntRange(min = 0, max = 100) int more, @ForAll("modes") RoundingMode mode) {
        var rule = new LatePaymentSurcharge(LatePaymentSurcharge.STATUTORY_DAILY_RATE, mode);
        assertThat(rule.accrued(fine, DUE, DUE.plusDays(days + more)))
                .isGreaterThanOrEqualTo(rule.accrued(fine, DUE, DUE.plusDays(days)));
    }

    @Property
    void surchargeIsZeroWhenPaidByTheDueDate(@ForAll("fines") BigDecimal fine,
                                             @ForAll @IntRange(min = 0, max = 400) int daysEarly) {
        assertThat(RULE.accrued(fine, DUE, DUE.minusDays(daysEarly))).isZero();
    }

    @Property
    void surchargeIsExactlyThreePercentPerDayBelowTheCap(@ForAll @IntRange(min = 1, max = 10_000_000) int yuan,
                                                          @ForAll @IntRange(min = 1, max = 33) int days) {
        BigDecimal fine = BigDecimal.valueOf(yuan).setScale(2);
        assertThat(RULE.accrued(fine, DUE, DUE.plusDays(days)))
                .isEqualByComparingTo(fine.multiply(new BigDecimal("0.03")).multiply(BigDecimal.valueOf(days)));
    }
}
