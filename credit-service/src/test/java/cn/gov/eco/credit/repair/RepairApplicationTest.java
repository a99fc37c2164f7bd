package cn.gov.eco.credit.repair;

import cn.gov.eco.credit.repair.model.IllegalRepairTransitionException;
import cn.gov.eco.credit.repair.model.RepairApplication;
import cn.gov.eco.credit.repair.model.RepairApplication.Actor;
import cn.gov.eco.credit.repair.model.RepairApplication.ApplicationForm;
import cn.gov.eco.credit.repair.model.RepairApplication.CommitmentAcceptance;
import cn.gov.eco.credit.repair.model.RepairStatus;
import cn.gov.eco.credit.repair.model.RepairTimeLimits;
import cn.gov.eco.credit.repair.model.UnmetCondition;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The RepairApplication state machine (DOMAIN.md §8.3) and its working-day limits (T29, T30) across holidays. */
class RepairApplicationTest {

    private static final Instant NOW = Instant.parse("2025-06-11T02:00:00Z");
    private static final Actor ENTERPRISE = new Actor("enterprise-a", "ENTERPRISE");
    private static final Actor REVIEWER = new Actor("credit-reviewer", "CREDIT_REVIEWER");
    private final RepairTimeLimits limits = new RepairTimeLimits(WorkingDayCalendar.stateCouncil(), 3, 7, 10, 3);

    static RepairApplication received(LocalDate day, RepairTimeLimits limits) {
        return RepairApplication.received("app-1", RepairEligibilityTest.paidAndRectified(
                        RepairEligibilityTest.scenario18()), new ApplicationForm("陈建国", "13800000000", "已整改"),
                new CommitmentAcceptance("v1", "0".repeat(64), NOW), List.of(), day, NOW,
                limits.acceptanceDueBy(day), ENTERPRISE);
    }

    @Test
    void shouldGoFromReceivedThroughReviewToApprovalAndCompletion() {
        var a = received(LocalDate.of(2025, 6, 11), limits);
        var accepted = a.accept(LocalDate.of(2025, 6, 12), limits.decisionDueBy(LocalDate.of(2025, 6, 12)), NOW,
                REVIEWER);
        var extended = accepted.extend("需现场核查", limits.extendedDueBy(accepted.decisionDueBy().date()), NOW, REVIEWER);
        var approved = extended.approve(LocalDate.of(2025, 7, 1), limits.syncDueBy(LocalDate.of(2025, 7, 1)), NOW,
                REVIEWER);
        var done = approved.synced("CC-REPAIR-000001", 1, NOW);
        assertThat(done.status()).isEqualTo(RepairStatus.COMPLETED);
        assertThat(done.history()).extracting(RepairApplication.Transition::to).containsExactly(RepairStatus.RECEIVED,
                RepairStatus.UNDER_REVIEW, RepairStatus.UNDER_REVIEW_EXTENDED, RepairStatus.APPROVED,
                RepairStatus.COMPLETED);
        assertThat(done.revoke(LocalDate.of(2025, 9, 15), "整改报告系伪造", LocalDate.of(2028, 9, 15), NOW, REVIEWER)
                .status()).isEqualTo(RepairStatus.REVOKED);
    }

    @Test
    void shouldRefuseEveryStepTheStateMachineDoesNotAllow() {
        var a = received(LocalDate.of(2025, 6, 11), limits);
        assertThatThrownBy(() -> a.approve(LocalDate.of(2025, 6, 12), null, NOW, REVIEWER))
                .isInstanceOf(IllegalRepairTransitionException.class).hasMessageContaining("RECEIVED to APPROVED");
        assertThatThrownBy(() -> a.revoke(LocalDate.of(2025, 6, 12), "x", null, NOW, REVIEWER))
                .isInstanceOf(IllegalRepairTransitionException.class);
        var denied = a.accept(LocalDate.of(2025, 6, 12), null, NOW, REVIEWER).deny(LocalDate.of(2025, 6, 13), "不符",
                NOW, REVIEWER);
        assertThatThrownBy(() -> denied.withdraw(NOW, ENTERPRISE)).isInstanceOf(IllegalRepairTransitionException.class);
        assertThatThrownBy(() -> denied.approve(LocalDate.of(2025, 6, 13), null, NOW, REVIEWER))
                .isInstanceOf(IllegalRepairTransitionException.class);
        var underReview = a.accept(LocalDate.of(2025, 6, 12), null, NOW, REVIEWER);
        assertThatThrownBy(() -> underReview.withdraw(NOW, ENTERPRISE))
                .isInstanceOf(IllegalRepairTransitionException.class);
        var blocked = RepairApplication.blocked("app-2", RepairEligibilityTest.scenario18(), null, null,
                List.of(new UnmetCondition("MIN_PERIOD_NOT_ELAPSED", "z", "e", null)), LocalDate.of(2025, 5, 20), NOW,
                ENTERPRISE);
        for (RepairStatus s : RepairStatus.values()) {
            assertThat(RepairStatus.BLOCKED.next()).doesNotContain(s);
        }
        assertThatThrownBy(() -> blocked.accept(LocalDate.of(2025, 5, 21), null, NOW, REVIEWER))
                .isInstanceOf(IllegalRepairTransitionException.class);
    }

    @Test
    void shouldReturnForSupplementAndBeReceivedAgainOrWithdrawn() {
        var a = received(LocalDate.of(2025, 6, 11), limits).requestSupplement("补充监测报告", NOW, REVIEWER);
        assertThat(a.status()).isEqualTo(RepairStatus.SUPPLEMENT_REQUESTED);
        var again = a.resubmit(List.of(), "已补充", LocalDate.of(2025, 6, 20), limits.acceptanceDueBy(
                LocalDate.of(2025, 6, 20)), NOW, ENTERPRISE);
        assertThat(again.status()).isEqualTo(RepairStatus.RECEIVED);
        assertThat(again.form().statement()).isEqualTo("已补充");
        assertThat(again.acceptanceDueBy().date()).isEqualTo(LocalDate.of(2025, 6, 25));
        assertThat(a.withdraw(NOW, ENTERPRISE).status()).isEqualTo(RepairStatus.WITHDRAWN);
    }

    @Test
    void shouldCountTheLimitsInWorkingDaysAcrossTheNationalDayAndSpringFestivalHolidays() {
        // Received Sun 2025-09-28 (an adjusted working day): 3 WD → 09-29, 09-30, then 10-01..08 holiday → 10-09.
        assertThat(limits.acceptanceDueBy(LocalDate.of(2025, 9, 28)).date()).isEqualTo(LocalDate.of(2025, 10, 9));
        // Accepted Fri 2026-02-13: 7 WD = Sat 02-14 (adjusted), [02-15..02-23 Spring Festival], 02-24..02-27,
        // Sat 02-28 (adjusted), [Sun 03-01] → Mon 03-02.
        var due = limits.decisionDueBy(LocalDate.of(2026, 2, 13));
        assertThat(due.date()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(due.derivation().countedAdjustedWorkdays()).hasSize(2);
        // Approved Thu 2025-04-30: sync (T30, 3 WD) skips Labour Day 05-01..05-05 → 05-08.
        assertThat(limits.syncDueBy(LocalDate.of(2025, 4, 30)).date()).isEqualTo(LocalDate.of(2025, 5, 8));
        // Beyond the official years the limit is computed on the provisional year and flagged: 12-29..12-31,
        // [2027-01-01 元旦, 01-02/03 weekend], 01-04..01-07.
        var provisional = limits.decisionDueBy(LocalDate.of(2026, 12, 28));
        assertThat(provisional.date()).isEqualTo(LocalDate.of(2027, 1, 7));
        assertThat(provisional.derivation().provisional()).isTrue();
    }

    @Test
    void shouldFlagAnOverdueAcceptanceDecisionAndSync() {
        var a = received(LocalDate.of(2025, 6, 11), limits);
        assertThat(a.acceptanceDueBy().date()).isEqualTo(LocalDate.of(2025, 6, 16));
        assertThat(a.overdue(LocalDate.of(2025, 6, 16))).isEmpty();
        assertThat(a.overdue(LocalDate.of(2025, 6, 17))).containsExactly("ACCEPTANCE_OVERDUE");
        var approved = a.accept(LocalDate.of(2025, 6, 12), limits.decisionDueBy(LocalDate.of(2025, 6, 12)), NOW,
                REVIEWER).approve(LocalDate.of(2025, 6, 20), limits.syncDueBy(LocalDate.of(2025, 6, 20)), NOW, REVIEWER);
        assertThat(approved.syncDueBy().date()).isEqualTo(LocalDate.of(2025, 6, 25));
        assertThat(approved.overdue(LocalDate.of(2025, 6, 26))).containsExactly("SYNC_OVERDUE");
        assertThat(approved.synced("r", 1, NOW).overdue(LocalDate.of(2025, 6, 26))).isEmpty();
    }
}
