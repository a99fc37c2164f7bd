package cn.gov.eco.enforcement.execution.model;

import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What is owed and paid: DOMAIN.md §9 scenarios 7, 8, 10 and 20, as credit-service reads them from FinePaid. */
class PaymentAccountTest {

    private static final ExecutionTerms TERMS = new ExecutionTerms(WorkingDayCalendar.stateCouncil(),
            LatePaymentSurcharge.statutory());

    static Execution served(LocalDate served, String fine) {
        return new Execution("c", "d", "泉环罚〔2025〕1号", "91350500MA2Y0001XX", new BigDecimal(fine),
                new Execution.Service(served, Instant.EPOCH, "DIRECT", false, "c", "a", "e"), null, null, List.of(),
                null, null, null, null, null);
    }

    static Payment paid(String date, String amount) {
        return new Payment("p-" + date + "-" + amount, LocalDate.parse(date), new BigDecimal(amount), null, null, null,
                Instant.EPOCH);
    }

    @Test
    void shouldBeFullyPaidWithoutSurchargeWhenPaidBeforeTheDueDate_scenario7() {
        var e = served(LocalDate.of(2025, 3, 12), "60000.00").withPayment(paid("2025-03-20", "60000.00"));
        var a = TERMS.account(e, LocalDate.of(2025, 3, 20));
        assertThat(a.surcharge()).isZero();
        assertThat(a.outstanding()).isZero();
        assertThat(a.fullyPaid()).isTrue();
    }

    @Test
    void shouldOweElevenDaysOfSurchargeWhenPaidOnTheTwentiethOfOctober_scenario8() {
        var e = served(LocalDate.of(2025, 9, 16), "10000.00");
        var before = TERMS.account(e, LocalDate.of(2025, 10, 20));
        assertThat(before.items().getFirst().due().dueDate().date()).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(before.surcharge()).isEqualByComparingTo("3300.00");
        assertThat(before.outstanding()).isEqualByComparingTo("13300.00");
        var a = TERMS.account(e.withPayment(paid("2025-10-20", "13300.00")), LocalDate.of(2025, 10, 20));
        assertThat(a.fullyPaid()).isTrue();
        assertThat(a.outstanding()).isZero();
    }

    @Test
    void shouldFixTheSurchargeOnTheDayTheFineIsPaidAndKeepItOwed_scenario10() {
        // fine 60,000 due 2025-03-27; the fine alone paid on 2025-04-10: 25,200 surcharge stays owed, no more accrues
        var e = served(LocalDate.of(2025, 3, 12), "60000.00").withPayment(paid("2025-04-10", "60000.00"));
        var a = TERMS.account(e, LocalDate.of(2025, 4, 10));
        assertThat(a.surcharge()).isEqualByComparingTo("25200.00");
        assertThat(a.outstanding()).isEqualByComparingTo("25200.00");
        assertThat(a.fullyPaid()).isFalse();
        assertThat(TERMS.account(e, LocalDate.of(2025, 12, 31)).surcharge()).isEqualByComparingTo("25200.00");
        var all = TERMS.account(e.withPayment(paid("2025-05-01", "25200.00")), LocalDate.of(2025, 5, 1));
        assertThat(all.totalPaid()).isEqualByComparingTo("85200.00");
        assertThat(all.fullyPaid()).isTrue();
    }

    @Test
    void shouldBeFullyPaidOnlyAfterTheLastOfThreeInstalments_scenario20() {
        var plan = new Execution.InstalmentPlan(LocalDate.of(2025, 3, 15), List.of(
                new Execution.Instalment(1, new BigDecimal("20000.00"), LocalDate.of(2025, 4, 30)),
                new Execution.Instalment(2, new BigDecimal("20000.00"), LocalDate.of(2025, 6, 15)),
                new Execution.Instalment(3, new BigDecimal("20000.00"), LocalDate.of(2025, 7, 1))), "经营困难", null);
        var e = served(LocalDate.of(2025, 3, 12), "60000.00").withInstalmentPlan(plan)
                .withPayment(paid("2025-04-28", "20000.00")).withPayment(paid("2025-06-15", "20000.00"));
        var two = TERMS.account(e, LocalDate.of(2025, 6, 15));
        assertThat(two.fullyPaid()).isFalse();
        assertThat(two.outstanding()).isEqualByComparingTo("20000.00");
        assertThat(two.surcharge()).isZero();
        var three = TERMS.account(e.withPayment(paid("2025-07-01", "20000.00")), LocalDate.of(2025, 7, 1));
        assertThat(three.fullyPaid()).isTrue();
        assertThat(three.outstanding()).isZero();
    }

    @Test
    void shouldChargeALateInstalmentOnItsOwnAmountOnly() {
        var plan = new Execution.InstalmentPlan(LocalDate.of(2025, 3, 15), List.of(
                new Execution.Instalment(1, new BigDecimal("4000.00"), LocalDate.of(2025, 4, 30)),
                new Execution.Instalment(2, new BigDecimal("6000.00"), LocalDate.of(2025, 6, 30))), "经营困难", null);
        var e = served(LocalDate.of(2025, 3, 12), "10000.00").withInstalmentPlan(plan)
                .withPayment(paid("2025-05-05", "4000.00")); // 5 days late: 4000 × 3% × 5 = 600
        var a = TERMS.account(e, LocalDate.of(2025, 5, 5));
        assertThat(a.surcharge()).isEqualByComparingTo("600.00");
        assertThat(a.outstanding()).isEqualByComparingTo("6600.00");
        assertThat(a.overdue()).isFalse();
        assertThat(a.nextOpen().orElseThrow().due().instalment()).isEqualTo(2);
    }

    @Provide
    Arbitrary<List<Integer>> paymentDays() {
        return Arbitraries.integers().between(0, 120).list().ofMinSize(0).ofMaxSize(6);
    }

    @Property
    void outstandingIsFineAndSurchargeLessWhatWasPaidAndNeverNegative(@ForAll("paymentDays") List<Integer> days) {
        var e = served(LocalDate.of(2025, 9, 16), "10000.00");
        List<Integer> sorted = new ArrayList<>(days);
        sorted.sort(Integer::compare);
        for (int d : sorted) {
            LocalDate date = LocalDate.of(2025, 9, 16).plusDays(d);
            var owed = TERMS.account(e, date).outstanding();
            if (owed.signum() == 0) {
                break;
            }
            BigDecimal pay = owed.min(new BigDecimal("3000.00"));
            e = e.withPayment(paid(date.toString(), pay.toPlainString()));
        }
        var a = TERMS.account(e, LocalDate.of(2026, 3, 1));
        assertThat(a.outstanding()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(a.surcharge()).isLessThanOrEqualTo(a.fine());
        assertThat(a.outstanding()).isEqualByComparingTo(a.fine().add(a.surcharge()).subtract(a.totalPaid()).max(BigDecimal.ZERO));
        assertThat(a.fullyPaid()).isEqualTo(a.outstanding().signum() == 0);
    }
}
