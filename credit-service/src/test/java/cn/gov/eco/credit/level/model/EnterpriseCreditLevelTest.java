package cn.gov.eco.credit.level.model;

import cn.gov.eco.platform.publicity.SeverityTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Fujian's levels, bands, veto, restoration and supervision (DOMAIN.md §5, §8.3, §9 scenario 27). */
class EnterpriseCreditLevelTest {

    static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-06-01");
    static final LevelRules RULES = rules(BigDecimal.ZERO, false);
    static final SupervisionRules SUP = supervision();

    static LevelRules rules(BigDecimal restoreFactor, boolean vetoLifted) {
        return new LevelRules(new BigDecimal("100"), new BigDecimal("96"), new BigDecimal("70"), new BigDecimal("60"),
                Map.of(SeverityTier.MINOR, new BigDecimal("5"), SeverityTier.GENERAL, new BigDecimal("30"),
                        SeverityTier.SERIOUS, new BigDecimal("45")),
                Map.of("ORDER_TO_SUSPEND_PRODUCTION", new BigDecimal("35")), List.of("私设暗管"), List.of(),
                List.of("ADMINISTRATIVE_DETENTION"), restoreFactor, vetoLifted, true);
    }

    static Supervision row(String zh, int perMonths, boolean assistance, boolean fastLane) {
        return new Supervision("", CreditLevel.UNRATED, false, zh, zh, 1, perMonths, assistance, fastLane);
    }

    static SupervisionRules supervision() {
        Map<CreditLevel, Supervision> m = new EnumMap<>(CreditLevel.class);
        m.put(CreditLevel.UNRATED, row("每季度不超过1次", 3, false, false));
        m.put(CreditLevel.GREEN, row("每年不超过1次", 12, false, false));
        m.put(CreditLevel.BLUE, row("每半年不超过1次", 6, false, false));
        m.put(CreditLevel.YELLOW, row("每季度不超过1次", 3, false, false));
        m.put(CreditLevel.RED, row("每季度1次驻点帮扶", 3, true, true));
        return new SupervisionRules(m, row("正面清单：每年不超过1次", 12, false, false));
    }

    static EnterpriseCreditLevel.Changed decide(EnterpriseCreditLevel l, String caseId, SeverityTier tier,
                                                List<String> types, String facts) {
        return l.penaltyDecided(caseId, "泉环罚〔2026〕" + caseId.hashCode() % 900 + "号", TODAY, tier, types,
                "《中华人民共和国大气污染防治法》第十八条", facts, "泉州市清源化工有限公司", RULES, SUP, TODAY, NOW);
    }

    static EnterpriseCreditLevel fresh() {
        return EnterpriseCreditLevel.unrated("91350500MA2Y0001XX", null, RULES, SUP);
    }

    /** DOMAIN.md §0.2: a decision takes effect when served, and so do its credit consequences. */
    @Test
    void shouldCountAPenaltyFromItsServiceNotFromTheDecision() {
        LevelRules fromService = new LevelRules(RULES.startScore(), RULES.greenFrom(), RULES.blueFrom(),
                RULES.yellowFrom(), RULES.deductionByTier(), RULES.deductionByType(), RULES.vetoKeywords(),
                RULES.vetoProvisions(), RULES.vetoPenaltyTypes(), RULES.repairRestoreFactor(),
                RULES.vetoLiftedByRepair(), false);
        var decided = fresh().penaltyDecided("c1", "泉环罚〔2026〕58号", TODAY, SeverityTier.GENERAL, List.of("FINE"),
                "《中华人民共和国大气污染防治法》第十八条", null, "泉州市清源化工有限公司", fromService, SUP, TODAY, NOW);
        assertThat(decided.level().level()).isEqualTo(CreditLevel.UNRATED);
        assertThat(decided.level().score()).isEqualByComparingTo("100");
        assertThat(decided.events()).isEmpty();

        var served = decided.level().penaltyServed("c1", TODAY.plusDays(3), fromService, SUP, TODAY.plusDays(3), NOW);
        assertThat(served.level().level()).isEqualTo(CreditLevel.BLUE);
        assertThat(served.level().score()).isEqualByComparingTo("70");
        assertThat(served.level().history().getLast().reasonZh()).contains("送达生效", "扣30");
        assertThat(served.events()).hasAtLeastOneElementOfType(LevelEvent.SupervisionChanged.class);
        assertThat(served.level().penaltyServed("c1", TODAY.plusDays(3), fromService, SUP, TODAY, NOW).events())
                .as("served twice").isEmpty();

        // served first (another topic, another pace): counted as soon as the decision arrives
        var early = fresh().penaltyServed("c2", TODAY, fromService, SUP, TODAY, NOW);
        assertThat(early.level().score()).isEqualByComparingTo("100");
        var then = early.level().penaltyDecided("c2", "泉环罚〔2026〕59号", TODAY, SeverityTier.GENERAL, List.of("FINE"),
                "《中华人民共和国大气污染防治法》第十八条", null, null, fromService, SUP, TODAY, NOW);
        assertThat(then.level().score()).isEqualByComparingTo("70");
    }

    @ParameterizedTest(name = "score {0}, veto {1} → {2}")
    @CsvSource({"96, false, GREEN", "95.9, false, BLUE", "70, false, BLUE", "69.9, false, YELLOW",
            "60, false, YELLOW", "59.9, false, RED", "90, true, RED", "100, false, GREEN", "0, false, RED"})
    void shouldMapScoresToTheFujianBandsAndAVetoToRed(BigDecimal score, boolean veto, CreditLevel level) {
        assertThat(RULES.level(score, veto)).isEqualTo(level);
    }

    @Test
    void shouldDropFromBlueToYellowOnAGeneralPenaltyAndTightenInspectionsThenRestoreAfterRepairAndRectification() {
        var blue = decide(fresh(), "case-minor", SeverityTier.MINOR, List.of("WARNING"), "").level();
        assertThat(blue.level()).isEqualTo(CreditLevel.BLUE);
        assertThat(blue.score()).isEqualByComparingTo("95.0");
        assertThat(blue.supervision().inspectionFrequencyZh()).isEqualTo("每半年不超过1次");

        var c = decide(blue, "case-general", SeverityTier.GENERAL, List.of("FINE"), "超标排放");
        var yellow = c.level();
        assertThat(yellow.level()).isEqualTo(CreditLevel.YELLOW);
        assertThat(yellow.score()).isEqualByComparingTo("65.0");
        assertThat(yellow.supervision().inspectionFrequencyZh()).isEqualTo("每季度不超过1次");
        assertThat(yellow.supervision().perMonths()).isEqualTo(3);
        assertThat(c.events()).hasSize(3);
        var changed = (LevelEvent.LevelChanged) c.events().getFirst();
        assertThat(changed.change().from()).isEqualTo(CreditLevel.BLUE);
        assertThat(changed.change().to()).isEqualTo(CreditLevel.YELLOW);
        assertThat(changed.change().reason()).isEqualTo(LevelChange.Reason.PENALTY_DECIDED);
        assertThat(changed.change().reasonZh()).contains("扣30.0分");
        assertThat(c.events().get(1)).isInstanceOf(LevelEvent.SupervisionChanged.class);
        assertThat(c.events().get(2)).isInstanceOf(LevelEvent.StatusChanged.class);

        var repaired = yellow.repairApproved("case-general", "app-1", RULES, SUP, TODAY, NOW);
        assertThat(repaired.level().level()).as("repair alone does not restore").isEqualTo(CreditLevel.YELLOW);
        var restored = repaired.level().rectificationVerified("case-general", TODAY, RULES, SUP, TODAY, NOW);
        assertThat(restored.level().level()).isEqualTo(CreditLevel.BLUE);
        assertThat(restored.level().score()).isEqualByComparingTo("95.0");
        assertThat(restored.level().supervision().inspectionFrequencyZh()).isEqualTo("每半年不超过1次");
        assertThat(restored.level().history().getLast().reason()).isEqualTo(LevelChange.Reason.REPAIR_RESTORED);

        var revokedRepair = restored.level().repairRevoked("case-general", "app-1", RULES, SUP, TODAY, NOW);
        assertThat(revokedRepair.level().level()).isEqualTo(CreditLevel.YELLOW);
    }

    @Test
    void shouldRestoreOnlyTheConfiguredShareWhenTheRestorationFactorIsOneHalf() {
        var half = rules(new BigDecimal("0.5"), false);
        var l = fresh().penaltyDecided("c1", "泉环罚〔2026〕1号", TODAY, SeverityTier.GENERAL, List.of("FINE"), null,
                null, null, half, SUP, TODAY, NOW).level();
        l = l.rectificationVerified("c1", TODAY, half, SUP, TODAY, NOW).level();
        l = l.repairApproved("c1", "a1", half, SUP, TODAY, NOW).level();
        assertThat(l.score()).isEqualByComparingTo("85.0");
        assertThat(l.level()).isEqualTo(CreditLevel.BLUE);
    }

    @Test
    void shouldSetRedOnAVetoViolationWhateverTheScoreWithAssistanceAndTheFastLane() {
        var c = decide(fresh(), "case-pipe", SeverityTier.MINOR, List.of("FINE"), "当事人私设暗管排放废水");
        assertThat(c.level().score()).isEqualByComparingTo("95.0");
        assertThat(c.level().veto()).isTrue();
        assertThat(c.level().level()).isEqualTo(CreditLevel.RED);
        assertThat(c.level().supervision().onSiteAssistanceQuarterly()).isTrue();
        assertThat(c.level().supervision().repairFastLane()).isTrue();
        assertThat(((LevelEvent.LevelChanged) c.events().getFirst()).change().reason())
                .isEqualTo(LevelChange.Reason.VETO_VIOLATION);
        var repaired = c.level().repairApproved("case-pipe", "a", RULES, SUP, TODAY, NOW).level()
                .rectificationVerified("case-pipe", TODAY, RULES, SUP, TODAY, NOW).level();
        assertThat(repaired.level()).as("a veto is not lifted by repair unless configured").isEqualTo(CreditLevel.RED);
        assertThat(decide(fresh(), "d", SeverityTier.GENERAL, List.of("ADMINISTRATIVE_DETENTION"), "").level().level())
                .isEqualTo(CreditLevel.RED);
    }

    @Test
    void shouldRecomputeWithoutARevokedPenalty() {
        var yellow = decide(decide(fresh(), "a", SeverityTier.MINOR, List.of("WARNING"), "").level(), "b",
                SeverityTier.GENERAL, List.of("FINE"), "").level();
        var c = yellow.decisionRevoked("b", RULES, SUP, TODAY, NOW);
        assertThat(c.level().level()).isEqualTo(CreditLevel.BLUE);
        assertThat(c.level().score()).isEqualByComparingTo("95.0");
        assertThat(c.level().history().getLast().reason()).isEqualTo(LevelChange.Reason.DECISION_REVOKED);
        assertThat(c.level().decisionRevoked("b", RULES, SUP, TODAY, NOW).events()).as("redelivered").isEmpty();
    }

    @Test
    void shouldTakeTheLargerOfTheTierAndThePenaltyTypeDeductionAndRecomputeOnAmendment() {
        var l = decide(fresh(), "a", SeverityTier.GENERAL, List.of("FINE", "ORDER_TO_SUSPEND_PRODUCTION"), "").level();
        assertThat(l.score()).isEqualByComparingTo("65.0");
        var amended = l.decisionAmended("a", SeverityTier.MINOR, List.of("FINE"), RULES, SUP, TODAY, NOW).level();
        assertThat(amended.score()).isEqualByComparingTo("95.0");
        assertThat(amended.level()).isEqualTo(CreditLevel.BLUE);
    }

    @Test
    void shouldCountAPenaltyOnceWhenTheDecisionIsDeliveredTwice() {
        var once = decide(fresh(), "a", SeverityTier.GENERAL, List.of("FINE"), "").level();
        var twice = decide(once, "a", SeverityTier.GENERAL, List.of("FINE"), "");
        assertThat(twice.events()).isEmpty();
        assertThat(twice.level()).isEqualTo(once);
    }

    @Test
    void shouldLowerInspectionsForThePositiveListButNotForRed() {
        var blue = decide(fresh(), "a", SeverityTier.MINOR, List.of("WARNING"), "").level();
        var listed = blue.positiveList(true, "自动监测全覆盖", "agency-head", RULES, SUP, TODAY, NOW);
        assertThat(listed.level().supervision().inspectionFrequencyZh()).startsWith("正面清单");
        assertThat(listed.events()).hasSize(2);
        assertThat(listed.level().history().getLast().actor()).isEqualTo("agency-head");
        var red = decide(listed.level(), "b", SeverityTier.SERIOUS, List.of("FINE"), "私设暗管").level();
        assertThat(red.level()).isEqualTo(CreditLevel.RED);
        assertThat(red.supervision().onSiteAssistanceQuarterly()).isTrue();
        assertThat(red.positiveList()).isTrue();
    }

    @Test
    void shouldStayUnratedUntilAPenaltyIsCountedAndTrackOpenPublicity() {
        var l = fresh().publicity("r1", true);
        assertThat(l.level().level()).isEqualTo(CreditLevel.UNRATED);
        assertThat(l.level().openPublicityRecords()).containsExactly("r1");
        assertThat(l.events()).containsExactly(new LevelEvent.StatusChanged());
        assertThat(l.level().publicity("r1", true).events()).isEmpty();
        assertThat(l.level().publicity("r1", false).level().openPublicityRecords()).isEmpty();
    }

    @Test
    void shouldCountOpenRepairApplicationsOnceEachAndForgetThemWhenDecided() {
        var opened = fresh().repairApplication("a1", true);
        assertThat(opened.level().openRepairApplications()).containsExactly("a1");
        assertThat(opened.events()).containsExactly(new LevelEvent.StatusChanged());
        assertThat(opened.level().repairApplication("a1", true).events()).as("redelivered: nothing new").isEmpty();
        var two = opened.level().repairApplication("a2", true).level();
        assertThat(two.openRepairApplications()).containsExactlyInAnyOrder("a1", "a2");
        var decided = two.repairApplication("a1", false);
        assertThat(decided.level().openRepairApplications()).containsExactly("a2");
        assertThat(decided.events()).containsExactly(new LevelEvent.StatusChanged());
        assertThat(decided.level().repairApplication("a1", false).events()).isEmpty();
        assertThat(decided.level().level()).as("applications do not move the level").isEqualTo(CreditLevel.UNRATED);
    }
}
