package cn.gov.eco.credit.publicity.model;

import cn.gov.eco.platform.publicity.ClassificationRules;
import cn.gov.eco.platform.publicity.ClassificationRules.NonRepairableRule;
import cn.gov.eco.platform.publicity.ClassificationRules.SectorRule;
import cn.gov.eco.platform.publicity.NonRepairableDesignation;
import cn.gov.eco.platform.publicity.PublicityClassifier;
import cn.gov.eco.credit.publicity.model.PublicityChange.Republished.Cause;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.publicity.PublicityDateRules;
import cn.gov.eco.platform.publicity.PublicityPeriods;
import cn.gov.eco.platform.publicity.SeverityTier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CreditPublicityRecord's rules and transitions (DOMAIN.md §4.1, §8.3, §8.4 T23–T31, §9 scenarios 18, 23, 25). */
class PublicityRecordTest {

    static final PublicityPeriods PERIODS = new PublicityPeriods(WorkingDayCalendar.stateCouncil(),
            PublicityDateRules.defaults(), false);
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final ClassificationRules DEFAULT = new ClassificationRules(Map.of(
            "REVOCATION_OF_LICENCE", SeverityTier.SERIOUS, "ORDER_TO_CLOSE", SeverityTier.SERIOUS,
            "SUSPENSION_OF_LICENCE", SeverityTier.GENERAL), List.of(), null);

    static PublicityRecord open(ClassificationRules rules, SeverityTier tier, List<String> types, String decided,
                                String today) {
        return open(rules, tier, types, decided, today, null);
    }

    static PublicityRecord open(ClassificationRules rules, SeverityTier tier, List<String> types, String decided,
                                String today, NonRepairableDesignation designation) {
        var c = new PublicityClassifier(PERIODS, rules, false).classify(tier, types, parse(decided), designation);
        return PublicityRecord.open("case-1", "91350500MA2Y0001XX", "泉州市清源化工有限公司", "泉环罚〔2025〕12号",
                parse(decided), parse(decided).plusDays(2), c, "NDRC-ORDER-36", parse(today), NOW, null);
    }

    static PublicityRecord general(String decided) {
        return open(DEFAULT, SeverityTier.GENERAL, List.of("FINE"), decided, decided);
    }

    static Withdrawal withdrawal(String effective, String by) {
        return new Withdrawal("DECISION_REVOKED", "RECONSIDERATION", "REVOKED", parse(effective), "复议撤销",
                parse(by), "三个工作日", "3 working days", parse(effective), NOW, true, null);
    }

    @Nested
    class Scenario18GeneralTierUnderOrder58 {

        @Test
        void shouldOpenWithTheMinimumEndAndEarliestRepairDateOfScenario18() {
            var r = general("2025-03-10");
            assertThat(r.status()).isEqualTo(PublicityStatus.PUBLISHED_MIN_RUNNING);
            assertThat(r.plan().ruleSetId()).isEqualTo("NDRC-ORDER-58");
            assertThat(r.plan().minPeriodEnd().date()).isEqualTo(parse("2025-06-10"));
            assertThat(r.plan().earliestApplicationDate().date()).isEqualTo(parse("2025-06-11"));
            assertThat(r.plan().maxPeriodEnd().date()).isEqualTo(parse("2026-03-10"));
            assertThat(r.plan().autoStopDate().date()).isEqualTo(parse("2026-03-11"));
            assertThat(r.nextDueDate()).contains(parse("2025-06-11"));
        }

        @Test
        void shouldBecomeRepairableOnTheEarliestApplicationDateAndNotADayBefore() {
            var r = general("2025-03-10");
            assertThat(r.advance(parse("2025-06-10"), NOW)).isEmpty();
            var c = r.advance(parse("2025-06-11"), NOW).orElseThrow();
            assertThat(c.record().status()).isEqualTo(PublicityStatus.PUBLISHED_REPAIRABLE);
            assertThat(c.changes()).containsExactly(new PublicityChange.MinimumPeriodElapsed(parse("2025-06-11"), true));
            assertThat(c.record().nextDueDate()).contains(parse("2026-03-11"));
        }

        @Test
        void shouldStopPublicationByItselfTheDayAfterTheMaximumEnd() {
            var r = general("2025-03-10").advance(parse("2025-06-11"), NOW).orElseThrow().record();
            assertThat(r.advance(parse("2026-03-10"), NOW)).isEmpty();
            var c = r.advance(parse("2026-03-11"), NOW).orElseThrow();
            assertThat(c.record().status()).isEqualTo(PublicityStatus.EXPIRED);
            assertThat(c.changes()).containsExactly(new PublicityChange.Expired(parse("2026-03-11")));
            assertThat(c.record().nextDueDate()).isEmpty();
        }

        @Test
        void shouldCatchUpBothTransitionsAtOnceAfterALongOutage() {
            var c = general("2025-03-10").advance(parse("2026-04-02"), NOW).orElseThrow();
            assertThat(c.changes()).hasSize(2);
            assertThat(c.changes().get(0)).isInstanceOf(PublicityChange.MinimumPeriodElapsed.class);
            assertThat(c.changes().get(1)).isInstanceOf(PublicityChange.Expired.class);
            assertThat(c.record().history()).extracting(StatusChange::to).containsExactly(
                    PublicityStatus.PUBLISHED_MIN_RUNNING, PublicityStatus.PUBLISHED_REPAIRABLE, PublicityStatus.EXPIRED);
        }
    }

    @Nested
    class Scenario23MinorTierAndTheTransition {

        @Test
        void shouldNotPublishAMinorWarningUnderOrder36ByDefault() {
            var r = open(DEFAULT, SeverityTier.MINOR, List.of("WARNING"), "2026-05-06", "2026-05-08");
            assertThat(r.status()).isEqualTo(PublicityStatus.NOT_PUBLISHED);
            assertThat(r.transitionReview()).isNull();
            assertThat(r.nextDueDate()).isEmpty();
        }

        @Test
        void shouldPublishItUntil2026_08_06AndBeRepairableAtOnceWhenTheSectorRulePublishesIt() {
            var rules = new ClassificationRules(Map.of(), List.of(new SectorRule("MEE-WARNINGS", "生态环境警告",
                    Set.of("WARNING"), true)), null);
            var r = open(rules, SeverityTier.MINOR, List.of("WARNING"), "2026-05-06", "2026-05-08");
            assertThat(r.classification().sectorRuleId()).isEqualTo("MEE-WARNINGS");
            assertThat(r.plan().maxPeriodEnd().date()).isEqualTo(parse("2026-08-06"));
            assertThat(r.plan().minPeriodEnd()).isNull();
            assertThat(r.status()).isEqualTo(PublicityStatus.PUBLISHED_REPAIRABLE);
            assertThat(r.nextDueDate()).contains(parse("2026-08-07"));
        }

        @Test
        void shouldEvaluateTheSameWarningDecided2026_03_20UnderOrder58AndFlagItForLegalConfirmation() {
            var r = open(DEFAULT, SeverityTier.MINOR, List.of("WARNING"), "2026-03-20", "2026-04-02");
            assertThat(r.plan().ruleSetId()).isEqualTo("NDRC-ORDER-58");
            assertThat(r.transitionReview()).isNotNull();
            assertThat(r.transitionReview().confirmed()).isFalse();
            var confirmed = r.confirmTransition("legal-reviewer", "王律", "按第58号令处理", NOW).record();
            assertThat(confirmed.transitionReview().confirmedBy()).isEqualTo("legal-reviewer");
            assertThatThrownBy(() -> confirmed.confirmTransition("legal-reviewer", "王律", null, NOW))
                    .isInstanceOf(IllegalPublicityTransition.class);
        }

        @ParameterizedTest(name = "decided {0} → {1}, transitional {2}")
        @CsvSource({"2026-03-31, NDRC-ORDER-58, true", "2026-04-01, NDRC-ORDER-36, false",
                "2025-12-31, NDRC-ORDER-58, true", "2026-04-02, NDRC-ORDER-36, false"})
        void shouldChooseTheRuleSetByTheDecisionDateAcrossThe2026_04_01Transition(String decided, String ruleSet,
                                                                                 boolean transitional) {
            var r = general(decided);
            assertThat(r.plan().ruleSetId()).isEqualTo(ruleSet);
            assertThat(r.transitionReview() != null).isEqualTo(transitional);
        }

        @Test
        void shouldChooseTheRepairRulesByTheApplicationDateForTheRepairFeature() {
            var rules = PublicityDateRules.defaults();
            var choice = rules.forRepairApplication(parse("2026-03-20"), parse("2026-06-21"));
            assertThat(choice.periodRules().ruleSetId()).isEqualTo("NDRC-ORDER-58");
            assertThat(choice.repairRules().ruleSetId()).isEqualTo("NDRC-ORDER-36");
            assertThat(choice.transitional()).isTrue();
            assertThat(rules.forRepairApplication(parse("2025-03-10"), parse("2025-06-11")).transitional()).isFalse();
            assertThat(rules.effectiveTo(rules.parametersFor(parse("2025-01-01")))).contains(parse("2026-03-31"));
            assertThat(rules.effectiveTo(rules.newest())).isEmpty();
        }
    }

    @Nested
    class MonthEndsAndHolidays {

        @ParameterizedTest(name = "{0} {1}: min end {2}, earliest {3}, max end {4}")
        @CsvSource({
                // decided 2025-11-30 + 3 months: February has no 30th → its last day (民法典 Art. 202)
                "2025-11-30, GENERAL, 2026-02-28, 2026-03-01, 2026-11-30",
                "2025-08-31, GENERAL, 2025-11-30, 2025-12-01, 2026-08-31",
                // min end on National Day 2025 (holiday): no roll-forward [I]; online submission on any day
                "2025-07-01, GENERAL, 2025-10-01, 2025-10-02, 2026-07-01",
                // Spring Festival 2026: min end 2026-02-17 in the holiday, not moved
                "2025-11-17, GENERAL, 2026-02-17, 2026-02-18, 2026-11-17",
                "2026-01-31, SERIOUS, 2027-01-31, 2027-02-01, 2029-01-31",
                "2024-02-29, SERIOUS, 2025-02-28, 2025-03-01, 2027-02-28",
                "2026-04-30, GENERAL, 2026-07-30, 2026-07-31, 2027-04-30"})
        void shouldCountMonthsToTheSameDayOrTheMonthEndWithoutRollingForward(String decided, SeverityTier tier,
                                                                           String minEnd, String earliest,
                                                                           String maxEnd) {
            var r = open(DEFAULT, tier, List.of("FINE"), decided, decided);
            assertThat(r.plan().minPeriodEnd().date()).isEqualTo(parse(minEnd));
            assertThat(r.plan().earliestApplicationDate().date()).isEqualTo(parse(earliest));
            assertThat(r.plan().maxPeriodEnd().date()).isEqualTo(parse(maxEnd));
            assertThat(r.plan().autoStopDate().date()).isEqualTo(parse(maxEnd).plusDays(1));
        }

        @Test
        void shouldOpenAlreadyRepairableWhenTheDecisionWasServedAfterTheMinimumPeriod() {
            var r = open(DEFAULT, SeverityTier.GENERAL, List.of("FINE"), "2025-11-30", "2026-03-01");
            assertThat(r.status()).isEqualTo(PublicityStatus.PUBLISHED_REPAIRABLE);
            var late = open(DEFAULT, SeverityTier.GENERAL, List.of("FINE"), "2025-11-30", "2026-12-01");
            assertThat(late.status()).isEqualTo(PublicityStatus.EXPIRED);
        }
    }

    @Nested
    class MultiTypeAndNonRepairable {

        @Test
        void shouldApplyTheLongestPeriodOfAMultiTypeDecision() {
            var r = open(DEFAULT, SeverityTier.GENERAL, List.of("FINE", "REVOCATION_OF_LICENCE"), "2026-05-06",
                    "2026-05-06");
            assertThat(r.classification().declaredTier()).isEqualTo(SeverityTier.GENERAL);
            assertThat(r.classification().appliedTier()).isEqualTo(SeverityTier.SERIOUS);
            assertThat(r.classification().longestOf()).isEqualTo("REVOCATION_OF_LICENCE");
            assertThat(r.plan().maxPeriodEnd().date()).isEqualTo(parse("2029-05-06"));
            assertThat(r.plan().minPeriodEnd().date()).isEqualTo(parse("2027-05-06"));
        }

        @Test
        void shouldNotLowerTheDeclaredTierBecauseOfAMilderPenaltyType() {
            var r = open(DEFAULT, SeverityTier.SERIOUS, List.of("FINE", "SUSPENSION_OF_LICENCE"), "2026-05-06",
                    "2026-05-06");
            assertThat(r.classification().appliedTier()).isEqualTo(SeverityTier.SERIOUS);
            assertThat(r.classification().longestOf()).isNull();
        }

        @Test
        void shouldKeepASpecifiedSeriousBreachNonRepairableForTheWholePeriod() {
            var rules = new ClassificationRules(Map.of(), List.of(), new NonRepairableRule(Set.of(SeverityTier.SERIOUS),
                    Set.of("ORDER_TO_CLOSE"), "特定严重失信", "specified serious breach"));
            var r = open(rules, SeverityTier.SERIOUS, List.of("ORDER_TO_CLOSE"), "2026-05-06", "2026-05-06");
            assertThat(r.nonRepairable()).isTrue();
            // not repairable for the whole period: so from the day it opens, and the minimum end changes nothing
            assertThat(r.status()).isEqualTo(PublicityStatus.PUBLISHED_NON_REPAIRABLE);
            assertThat(r.advance(parse("2027-05-07"), NOW)).isEmpty();
            assertThatThrownBy(() -> r.terminateByRepair("app-1", parse("2027-06-01"), parse("2027-06-01"), NOW))
                    .isInstanceOf(IllegalPublicityTransition.class).hasMessageContaining("T27");
            assertThat(r.advance(parse("2029-05-07"), NOW).orElseThrow().record().status())
                    .isEqualTo(PublicityStatus.EXPIRED);
            var other = open(rules, SeverityTier.SERIOUS, List.of("FINE"), "2026-05-06", "2026-05-06");
            assertThat(other.nonRepairable()).isFalse();
        }

        @Test
        void shouldKeepADecisionDesignatedNonRepairableByTheOfficerNonRepairableWithItsLegalBasis() {
            var r = open(DEFAULT, SeverityTier.SERIOUS, List.of("FINE"), "2026-05-06", "2026-05-06",
                    new NonRepairableDesignation("《泉州市生态环境系统行政处罚信息信用修复暂行规定》", "篡改监测数据，属特定严重失信"));
            assertThat(r.nonRepairable()).isTrue();
            assertThat(r.classification().nonRepairableSource()).isEqualTo("DECISION");
            assertThat(r.classification().nonRepairableLegalBasis()).contains("暂行规定");
            assertThat(r.status()).isEqualTo(PublicityStatus.PUBLISHED_NON_REPAIRABLE);
        }
    }

    @Nested
    class RepairAndRepublication {

        @Test
        void shouldRefuseARepairBeforeTheMinimumPeriodHasPassed() {
            assertThatThrownBy(() -> general("2025-03-10").terminateByRepair("app-1", parse("2025-05-20"),
                    parse("2025-05-20"), NOW)).isInstanceOf(IllegalPublicityTransition.class)
                    .hasMessageContaining("PUBLISHED_MIN_RUNNING → TERMINATED_BY_REPAIR");
        }

        @Test
        void shouldRepublishUntilTheOriginalMaximumEndWhenTheRepairIsRevokedScenario25() {
            var repairable = general("2025-03-10").advance(parse("2025-06-11"), NOW).orElseThrow().record();
            var terminated = repairable.terminateByRepair("app-1", parse("2025-07-01"), parse("2025-07-01"), NOW)
                    .orElseThrow();
            assertThat(terminated.record().status()).isEqualTo(PublicityStatus.TERMINATED_BY_REPAIR);
            assertThat(terminated.record().nextDueDate()).isEmpty();
            assertThat(terminated.record().terminateByRepair("app-1", parse("2025-07-01"), parse("2025-07-02"), NOW))
                    .as("redelivered approval").isEmpty();

            var republished = terminated.record().republishAfterRepairRevoked("app-1", parse("2025-09-15"),
                    "整改报告系伪造", parse("2028-09-15"), parse("2025-09-15"), NOW).orElseThrow();
            assertThat(republished.record().status()).isEqualTo(PublicityStatus.REPUBLISHED);
            assertThat(republished.changes()).containsExactly(new PublicityChange.Republished(Cause.REPAIR_REVOKED,
                    "app-1", "整改报告系伪造", parse("2026-03-10")));
            assertThat(republished.record().repair().reapplicationBarredUntil()).isEqualTo(parse("2028-09-15"));
            assertThat(republished.record().nextDueDate()).contains(parse("2026-03-11"));
            assertThat(republished.record().advance(parse("2026-03-11"), NOW).orElseThrow().record().status())
                    .isEqualTo(PublicityStatus.EXPIRED);
        }

        @Test
        void shouldRefuseToRevokeARepairThatDidNotTerminateTheRecord() {
            assertThatThrownBy(() -> general("2025-03-10").republishAfterRepairRevoked("app-9", parse("2025-09-15"),
                    "伪造", null, parse("2025-09-15"), NOW)).isInstanceOf(IllegalPublicityTransition.class);
        }
    }

    @Nested
    class WithdrawalAndAmendment {

        @Test
        void shouldWithdrawOnceEvenWhenTheRevocationIsDeliveredTwice() {
            var c = general("2026-04-10").withdraw(withdrawal("2026-06-15", "2026-06-18"), parse("2026-06-15"), NOW)
                    .orElseThrow();
            assertThat(c.record().status()).isEqualTo(PublicityStatus.WITHDRAWN);
            assertThat(c.changes()).hasSize(1).first().isInstanceOf(PublicityChange.Withdrawn.class);
            assertThat(((PublicityChange.Withdrawn) c.changes().getFirst()).wasPublished()).isTrue();
            assertThat(c.record().nextDueDate()).isEmpty();
            assertThat(c.record().withdraw(withdrawal("2026-06-15", "2026-06-18"), parse("2026-06-16"), NOW)).isEmpty();
            assertThatThrownBy(() -> c.record().terminateByRepair("a", parse("2026-08-01"), parse("2026-08-01"), NOW))
                    .isInstanceOf(IllegalPublicityTransition.class);
        }

        @Test
        void shouldWithdrawAFormerlyRepairedRecordToo() {
            var repaired = general("2025-03-10").advance(parse("2025-06-11"), NOW).orElseThrow().record()
                    .terminateByRepair("app-1", parse("2025-07-01"), parse("2025-07-01"), NOW).orElseThrow().record();
            var c = repaired.withdraw(withdrawal("2025-08-01", "2025-08-06"), parse("2025-08-01"), NOW).orElseThrow();
            assertThat(c.record().status()).isEqualTo(PublicityStatus.WITHDRAWN);
            assertThat(((PublicityChange.Withdrawn) c.changes().getFirst()).wasPublished()).isFalse();
        }

        @Test
        void shouldWithdrawTheOldContentAndRepublishTheAmendedOneWithItsLongerPeriods() {
            var amended = new PublicityClassifier(PERIODS, DEFAULT, false).classify(SeverityTier.SERIOUS, List.of("FINE"),
                    parse("2026-04-10"), null);
            var w = new Withdrawal("DECISION_AMENDED", "LITIGATION", "AMENDED", parse("2026-06-15"), "判决变更",
                    parse("2026-06-18"), "zh", "en", parse("2026-06-15"), NOW, true, null);
            var c = general("2026-04-10").amend(w, amended, parse("2026-06-15"), NOW).orElseThrow();
            assertThat(c.changes()).hasSize(2);
            assertThat(c.changes().get(0)).isInstanceOf(PublicityChange.Withdrawn.class);
            assertThat(c.changes().get(1)).isEqualTo(new PublicityChange.Republished(Cause.DECISION_AMENDED, null,
                    "判决变更", parse("2029-04-10")));
            assertThat(c.record().plan().tier()).isEqualTo(SeverityTier.SERIOUS);
            assertThat(c.record().status()).isEqualTo(PublicityStatus.PUBLISHED_MIN_RUNNING);
            assertThat(c.record().amend(w, amended, parse("2026-06-16"), NOW)).as("redelivered").isEmpty();

            var toMinor = new PublicityClassifier(PERIODS, DEFAULT, false).classify(SeverityTier.MINOR, List.of("WARNING"),
                    parse("2026-04-10"), null);
            var m = general("2026-04-10").amend(w, toMinor, parse("2026-06-15"), NOW).orElseThrow();
            assertThat(m.record().status()).isEqualTo(PublicityStatus.NOT_PUBLISHED);
            assertThat(m.changes()).hasSize(1).first().isInstanceOf(PublicityChange.Withdrawn.class);
        }

        @Test
        void shouldOnlyRecordARevocationOfAnExpiredRecord() {
            var expired = general("2025-03-10").advance(parse("2026-03-11"), NOW).orElseThrow().record();
            var c = expired.withdraw(withdrawal("2026-05-06", "2026-05-11"), parse("2026-05-06"), NOW).orElseThrow();
            assertThat(c.record().status()).isEqualTo(PublicityStatus.EXPIRED);
            assertThat(c.changes()).isEmpty();
            assertThat(c.record().withdrawal()).isNotNull();
        }
    }

    @Nested
    class StateMachine {

        @Test
        void shouldAllowOnlyTheTransitionsOfDomain83() {
            assertThat(PublicityStatus.EXPIRED.next()).isEmpty();
            assertThat(PublicityStatus.WITHDRAWN.next()).isEmpty();
            assertThat(PublicityStatus.PUBLISHED_MIN_RUNNING.canMoveTo(PublicityStatus.TERMINATED_BY_REPAIR)).isFalse();
            assertThat(PublicityStatus.PUBLISHED_NON_REPAIRABLE.canMoveTo(PublicityStatus.TERMINATED_BY_REPAIR))
                    .isFalse();
            assertThat(PublicityStatus.TERMINATED_BY_REPAIR.canMoveTo(PublicityStatus.REPUBLISHED)).isTrue();
            assertThat(PublicityStatus.PUBLISHED_REPAIRABLE.canMoveTo(PublicityStatus.REPUBLISHED)).isFalse();
            assertThat(PublicityStatus.REPUBLISHED.canMoveTo(PublicityStatus.EXPIRED)).isTrue();
            assertThat(PublicityStatus.NOT_PUBLISHED.canMoveTo(PublicityStatus.PUBLISHED_REPAIRABLE)).isFalse();
        }

        @Test
        void shouldRefuseToExpireARecordTwiceOrToAdvanceAWithdrawnOne() {
            var expired = general("2025-03-10").advance(parse("2026-03-11"), NOW).orElseThrow().record();
            assertThat(expired.advance(parse("2027-01-01"), NOW)).isEmpty();
            var withdrawn = general("2026-04-10").withdraw(withdrawal("2026-06-15", "2026-06-18"), parse("2026-06-15"),
                    NOW).orElseThrow().record();
            assertThat(withdrawn.advance(parse("2027-06-01"), NOW)).isEmpty();
        }
    }
}
