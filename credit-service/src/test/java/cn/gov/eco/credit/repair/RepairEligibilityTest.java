package cn.gov.eco.credit.repair;

import cn.gov.eco.credit.repair.model.Payment;
import cn.gov.eco.credit.repair.model.RepairEligibility;
import cn.gov.eco.credit.repair.model.RepairFacts;
import cn.gov.eco.credit.repair.model.UnmetCondition;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.publicity.PublicityDateRules;
import cn.gov.eco.platform.publicity.PublicityPeriods;
import cn.gov.eco.platform.publicity.PublicityPlan;
import cn.gov.eco.platform.publicity.SeverityTier;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The repair conditions (Order 36; 国办发〔2025〕22号) on DOMAIN.md §9 scenarios 18, 19, 20, 25 and others. */
class RepairEligibilityTest {

    private static final PublicityPeriods PERIODS = new PublicityPeriods(WorkingDayCalendar.stateCouncil(),
            PublicityDateRules.defaults(), false);
    private final RepairEligibility rule = new RepairEligibility(true);

    /** Scenario 18: general tier, decided 2025-03-10. */
    static RepairFacts scenario18() {
        PublicityPlan plan = PERIODS.plan(SeverityTier.GENERAL, LocalDate.of(2025, 3, 10));
        return RepairFacts.empty("case-18").withPublicity("91350500MA2Y0001XX", "case-18", "泉州市清源化工有限公司",
                "泉环罚〔2025〕12号", LocalDate.of(2025, 3, 10), "GENERAL", "PUBLISHED_MIN_RUNNING",
                plan.minPeriodEnd(), plan.earliestApplicationDate(), plan.maxPeriodEnd(), plan.ruleSetId());
    }

    static RepairFacts paidAndRectified(RepairFacts f) {
        return f.withDecision(f.uscc(), f.decisionDocumentNumber(), new BigDecimal("60000.00"))
                .withPayment(f.uscc(), null, new Payment("p1", LocalDate.of(2025, 3, 20), new BigDecimal("60000.00"),
                        new BigDecimal("0.00"), true, null))
                .withRectificationVerified(f.uscc(), null, LocalDate.of(2025, 4, 1));
    }

    @Test
    void shouldGiveTheDayAfterTheMinimumPeriodAsTheEarliestApplicationDateInScenario18() {
        RepairFacts f = paidAndRectified(scenario18());
        assertThat(f.minPeriodEnd().date()).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(f.earliestApplicationDate().date()).isEqualTo(LocalDate.of(2025, 6, 11));
        assertThat(f.maxPeriodEnd().date()).isEqualTo(LocalDate.of(2026, 3, 10));
        var onTheDay = rule.assess(f, LocalDate.of(2025, 6, 11), true, false);
        assertThat(onTheDay.eligible()).isTrue();
        assertThat(onTheDay.unmet()).isEmpty();
    }

    @Test
    void shouldBlockRepairApplicationBeforeMinimumPublicityPeriodEndsWithTheEarliestDate() {
        // Scenario 19: submitted 2025-05-20 → BLOCKED, "earliest date 2025-06-11".
        var a = rule.assess(paidAndRectified(scenario18()), LocalDate.of(2025, 5, 20), true, false);
        assertThat(a.eligible()).isFalse();
        assertThat(a.onlyUnmet(UnmetCondition.MIN_PERIOD_NOT_ELAPSED)).isTrue();
        assertThat(a.unmet().getFirst().messageEn()).contains("earliest date 2025-06-11");
        assertThat(a.unmet().getFirst().messageZh()).contains("2025-06-11");
        assertThat(a.unmet().getFirst().date().date()).isEqualTo(LocalDate.of(2025, 6, 11));
        // The last day of the minimum period itself is still too early.
        assertThat(rule.assess(paidAndRectified(scenario18()), LocalDate.of(2025, 6, 10), true, false).eligible())
                .isFalse();
    }

    @Test
    void shouldBlockWhileInstalmentsAreOutstandingAndAllowOnTheDayTheLastIsPaid() {
        // Scenario 20: 2 of 3 instalments paid on 2025-06-15 → "fine not fully paid"; last one 2025-07-01 → OK.
        RepairFacts f = scenario18().withDecision("91350500MA2Y0001XX", null, new BigDecimal("60000.00"))
                .withRectificationVerified("91350500MA2Y0001XX", null, LocalDate.of(2025, 4, 1))
                .withPayment(null, null, new Payment("i1", LocalDate.of(2025, 4, 15), new BigDecimal("20000.00"),
                        new BigDecimal("40000.00"), false, 1))
                .withPayment(null, null, new Payment("i2", LocalDate.of(2025, 6, 15), new BigDecimal("40000.00"),
                        new BigDecimal("20000.00"), false, 2));
        var blocked = rule.assess(f, LocalDate.of(2025, 6, 15), true, false);
        assertThat(blocked.onlyUnmet(UnmetCondition.FINE_NOT_FULLY_PAID)).isTrue();
        assertThat(blocked.unmet().getFirst().messageEn()).contains("not fully paid").contains("20000.00");
        RepairFacts paid = f.withPayment(null, null, new Payment("i3", LocalDate.of(2025, 7, 1),
                new BigDecimal("60000.00"), new BigDecimal("0.00"), true, 3));
        assertThat(rule.assess(paid, LocalDate.of(2025, 7, 1), true, false).eligible()).isTrue();
        // A redelivered instalment changes nothing.
        assertThat(paid.withPayment(null, null, paid.payments().get("i2"))).isEqualTo(paid);
    }

    @Test
    void shouldListEveryUnmetConditionAtOnce() {
        var a = rule.assess(scenario18(), LocalDate.of(2025, 4, 1), false, true);
        assertThat(a.unmet()).extracting(UnmetCondition::code).containsExactly(
                UnmetCondition.MIN_PERIOD_NOT_ELAPSED, UnmetCondition.FINE_NOT_FULLY_PAID,
                UnmetCondition.RECTIFICATION_NOT_VERIFIED, UnmetCondition.CREDIT_COMMITMENT_REQUIRED,
                UnmetCondition.APPLICATION_ALREADY_OPEN);
        assertThat(a.unmet().get(1).messageEn()).isEqualTo("no record of the fine being fully paid");
    }

    @Test
    void shouldNotAskForAPaymentWhenTheDecisionImposedNoFine() {
        RepairFacts f = scenario18().withDecision("91350500MA2Y0001XX", null, BigDecimal.ZERO)
                .withRectificationVerified(null, null, LocalDate.of(2025, 4, 1));
        assertThat(rule.assess(f, LocalDate.of(2025, 6, 11), true, false).eligible()).isTrue();
    }

    @Test
    void shouldBarReapplicationAfterARepairRevokedForFalseMaterialsUntilTheBarEnds() {
        // Scenario 25: approved 2025-07-01, revoked 2025-09-15 (forged report), republished, bar [U] 3 years.
        RepairFacts f = paidAndRectified(scenario18()).withPublicityStatus("REPUBLISHED")
                .withBarUntil(LocalDate.of(2028, 9, 15));
        var a = rule.assess(f, LocalDate.of(2025, 9, 16), true, false);
        assertThat(a.onlyUnmet(UnmetCondition.REAPPLICATION_BARRED)).isTrue();
        assertThat(rule.assess(f, LocalDate.of(2028, 9, 15), true, false).eligible()).isFalse();
    }

    @Test
    void shouldKeepALaterStatusWhenTheOpeningEventIsRedeliveredOrReplayed() {
        RepairFacts repaired = paidAndRectified(scenario18()).withPublicityStatus("TERMINATED_BY_REPAIR");
        RepairFacts replayed = repaired.withPublicity(repaired.uscc(), repaired.caseId(), repaired.enterpriseName(),
                repaired.decisionDocumentNumber(), repaired.decisionDate(), "GENERAL", "PUBLISHED_MIN_RUNNING",
                repaired.minPeriodEnd(), repaired.earliestApplicationDate(), repaired.maxPeriodEnd(),
                repaired.ruleSetId());
        assertThat(replayed).isEqualTo(repaired);
    }

    @Test
    void shouldRefuseARecordThatIsNonRepairableOrNoLongerPublished() {
        RepairFacts nonRepairable = paidAndRectified(scenario18()).withPublicityStatus("PUBLISHED_NON_REPAIRABLE");
        assertThat(rule.assess(nonRepairable, LocalDate.of(2025, 7, 1), true, false).unmet())
                .extracting(UnmetCondition::code).containsExactly(UnmetCondition.NON_REPAIRABLE);
        for (String status : new String[]{"EXPIRED", "WITHDRAWN", "TERMINATED_BY_REPAIR"}) {
            assertThat(rule.assess(paidAndRectified(scenario18()).withPublicityStatus(status),
                    LocalDate.of(2025, 7, 1), true, false).unmet()).extracting(UnmetCondition::code)
                    .containsExactly(UnmetCondition.NOTHING_TO_REPAIR);
        }
    }

    @Test
    void shouldLetAnUnpublishedMinorRecordBeRepairedAsSoonAsTheObligationsAreMet() {
        // Scenario 23 under Order 36: minor, not published; no minimum period.
        RepairFacts minor = RepairFacts.empty("case-23").withPublicity("91350500MA2Y0001XX", "case-23", null,
                "泉环罚〔2026〕30号", LocalDate.of(2026, 5, 6), "MINOR", "NOT_PUBLISHED", null, null, null,
                "NDRC-ORDER-36");
        assertThat(rule.assess(paidAndRectified(minor), LocalDate.of(2026, 5, 7), true, false).eligible()).isTrue();
    }
}
