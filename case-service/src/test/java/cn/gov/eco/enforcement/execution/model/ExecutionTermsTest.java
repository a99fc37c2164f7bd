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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Due dates (T10), withdrawal (T14), reminder (T13) and court (T12) dates on the 2025 and 2026 State Council tables. */
class ExecutionTermsTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.stateCouncil();
    private static final ExecutionTerms TERMS = new ExecutionTerms(CALENDAR, LatePaymentSurcharge.statutory());

    @Test
    void shouldBeDueFifteenDaysAfterReceipt_scenario7() {
        var due = TERMS.paymentDue(LocalDate.of(2025, 3, 12));
        assertThat(due.date()).isEqualTo(LocalDate.of(2025, 3, 27)); // Thu
        assertThat(due.derivation().rule().id()).isEqualTo("T10");
        assertThat(due.explanationZh()).contains("2025年3月27日");
    }

    @Test
    void shouldRollADueDateInTheNationalDayHolidayToTheNinthOfOctober_scenario8() {
        var due = TERMS.paymentDue(LocalDate.of(2025, 9, 16));
        assertThat(due.derivation().rawEndDate()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(due.date()).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(due.derivation().rollForward()).isNotNull();
    }

    @Test
    void shouldRollOffTheSpringFestivalOf2026ButNotOffItsAdjustedWorkingSaturday() {
        // received 2026-02-01 → raw 2026-02-16 (春节) → first working day after the holiday: 2026-02-24 (Tue)
        assertThat(TERMS.paymentDue(LocalDate.of(2026, 2, 1)).date()).isEqualTo(LocalDate.of(2026, 2, 24));
        // received 2026-02-13 → raw 2026-02-28, an adjusted working Saturday (调休上班): due that day
        assertThat(TERMS.paymentDue(LocalDate.of(2026, 2, 13)).date()).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void shouldWithdrawThePublicityWithinThreeWorkingDays() {
        // revocation effective Fri 2026-09-18 → Mon 21, Tue 22, Wed 23 (09-20 Sun is an adjusted working day: counted)
        var by = TERMS.withdrawBy(LocalDate.of(2026, 9, 18), true);
        assertThat(by.date()).isEqualTo(LocalDate.of(2026, 9, 22));
        assertThat(by.derivation().rule().id()).isEqualTo("T14");
        // effective Wed 2026-09-30 → National Day 10-01..07 skipped, 10-08 Thu, 10-09 Fri, 10-10 Sat (adjusted)
        assertThat(TERMS.withdrawBy(LocalDate.of(2026, 9, 30), false).date()).isEqualTo(LocalDate.of(2026, 10, 10));
    }

    @Test
    void shouldLetTheCourtBeAskedOnlyTenWorkingDaysAfterTheReminder() {
        // served Thu 2025-09-25: 26, (27 Sat), 28 (Sun, adjusted working day), 29, 30, (10-01..08 National Day),
        // 9, 10, 11 (Sat, adjusted), (12 Sun), 13, 14, 15 → the 10th working day is Wed 2025-10-15
        assertThat(TERMS.reminderPeriodEnd(LocalDate.of(2025, 9, 25)).date()).isEqualTo(LocalDate.of(2025, 10, 15));
    }

    @Test
    void shouldCountTheCourtApplicationWindowFromTheEndOfTheRemedyPeriods() {
        var e = execution(LocalDate.of(2025, 3, 12), null);
        // T18: six months from 2025-03-12 → 2025-09-12 (Fri); T12: three months later → 2025-12-12 (Fri)
        assertThat(TERMS.remedyPeriodsEnd(LocalDate.of(2025, 3, 12)).date()).isEqualTo(LocalDate.of(2025, 9, 12));
        assertThat(TERMS.courtApplicationDeadline(e).date()).isEqualTo(LocalDate.of(2025, 12, 12));
        // instalments that end later move the window (行政处罚法 第七十二条第二款)
        var plan = new Execution.InstalmentPlan(LocalDate.of(2025, 3, 20), List.of(
                new Execution.Instalment(1, new BigDecimal("5000.00"), LocalDate.of(2025, 4, 30)),
                new Execution.Instalment(2, new BigDecimal("5000.00"), LocalDate.of(2025, 10, 31))), "困难", null);
        assertThat(TERMS.courtApplicationDeadline(execution(LocalDate.of(2025, 3, 12), plan)).date())
                .isEqualTo(LocalDate.of(2026, 1, 31).plusDays(2)); // 2026-01-31 Sat → Mon 02-02
    }

    @Test
    void shouldScheduleTheApprovedInstalmentsWithTheirOwnExplainedDueDates() {
        var plan = new Execution.InstalmentPlan(LocalDate.of(2025, 3, 20), List.of(
                new Execution.Instalment(1, new BigDecimal("3000.00"), LocalDate.of(2025, 4, 30)),
                new Execution.Instalment(2, new BigDecimal("3000.00"), LocalDate.of(2025, 5, 30)),
                new Execution.Instalment(3, new BigDecimal("4000.00"), LocalDate.of(2025, 6, 30))), "经营困难", null);
        var schedule = TERMS.schedule(execution(LocalDate.of(2025, 3, 12), plan)); // the fine is 10,000
        assertThat(schedule).extracting(Due::instalment).containsExactly(1, 2, 3);
        assertThat(schedule).extracting(d -> d.dueDate().date()).containsExactly(LocalDate.of(2025, 4, 30),
                LocalDate.of(2025, 5, 30), LocalDate.of(2025, 6, 30));
        assertThat(schedule.get(1).dueDate().explanationZh()).contains("分期").contains("2025年5月30日");
    }

    @Test
    void shouldLetAnInstalmentPlanLapseWhenTheAmendedFineNoLongerMatchesIt() {
        var plan = new Execution.InstalmentPlan(LocalDate.of(2025, 3, 20), List.of(
                new Execution.Instalment(1, new BigDecimal("5000.00"), LocalDate.of(2025, 4, 30)),
                new Execution.Instalment(2, new BigDecimal("5000.00"), LocalDate.of(2025, 5, 30))), "困难", null);
        var amended = execution(LocalDate.of(2025, 3, 12), plan).withRemedyOutcome(new Execution.RemedyOutcome(
                Execution.RemedyOutcome.Kind.AMENDED, Execution.RemedySource.LITIGATION, null,
                LocalDate.of(2025, 4, 10), "判决变更", new Execution.Amended("GENERAL", List.of("FINE"),
                new BigDecimal("6000.00")), null));
        var schedule = TERMS.schedule(amended);
        assertThat(schedule).hasSize(1);
        assertThat(schedule.getFirst().amount()).isEqualByComparingTo("6000.00");
        assertThat(schedule.getFirst().dueDate().date()).isEqualTo(LocalDate.of(2025, 5, 30));
        assertThat(TERMS.account(amended, LocalDate.of(2025, 5, 1)).fine()).isEqualByComparingTo("6000.00");
    }

    static Execution execution(LocalDate served, Execution.InstalmentPlan plan) {
        return new Execution("c", "d", "泉环罚〔2025〕1号", "91350500MA2Y0001XX", new BigDecimal("10000.00"),
                new Execution.Service(served, Instant.parse("2025-01-01T00:00:00Z"), "DIRECT", false, "c", "a", "e"),
                null, plan, List.of(), null, null, null, null, null);
    }

    @Provide
    Arbitrary<LocalDate> receipts() {
        // receipts whose day 15 and roll-forward stay inside the 2025–2026 tables
        return Arbitraries.integers().between(0, 700).map(n -> LocalDate.of(2025, 1, 1).plusDays(n));
    }

    @Property
    void dueDateIsTheFirstWorkingDayOnOrAfterDayFifteen(@ForAll("receipts") LocalDate receipt) {
        LocalDate due = TERMS.paymentDue(receipt).date();
        LocalDate raw = receipt.plusDays(15);
        assertThat(due).isAfterOrEqualTo(raw);
        assertThat(CALENDAR.isWorkingDay(due)).isTrue();
        for (LocalDate d = raw; d.isBefore(due); d = d.plusDays(1)) {
            assertThat(CALENDAR.isWorkingDay(d)).as("%s skipped before %s", d, due).isFalse();
        }
    }

    @Property
    void aLaterReceiptNeverGivesAnEarlierDueDate(@ForAll("receipts") LocalDate receipt) {
        assertThat(TERMS.paymentDue(receipt.plusDays(1)).date()).isAfterOrEqualTo(TERMS.paymentDue(receipt).date());
    }

    @Property
    void theExplainedDueDateCarriesTheRuleTheCalendarAndTheSameDate(@ForAll("receipts") LocalDate receipt) {
        var due = TERMS.paymentDue(receipt);
        assertThat(due.derivation().result()).isEqualTo(due.date());
        assertThat(due.derivation().startDate()).isEqualTo(receipt);
        assertThat(due.derivation().calendarVersion()).isEqualTo(CALENDAR.calendarVersion());
        assertThat(due.explanationEn()).contains(due.date().toString());
    }
}
