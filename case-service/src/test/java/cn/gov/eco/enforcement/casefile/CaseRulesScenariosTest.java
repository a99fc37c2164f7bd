package cn.gov.eco.enforcement.casefile;

import cn.gov.eco.enforcement.casefile.model.CaseDeadlines;
import cn.gov.eco.enforcement.casefile.model.CaseFile;
import cn.gov.eco.enforcement.casefile.model.CaseRuleException;
import cn.gov.eco.enforcement.casefile.model.CaseRules;
import cn.gov.eco.enforcement.casefile.model.Discretion;
import cn.gov.eco.enforcement.casefile.model.Gates;
import cn.gov.eco.enforcement.casefile.model.Mitigation;
import cn.gov.eco.enforcement.casefile.model.ProposedPenalty;
import cn.gov.eco.enforcement.casefile.model.Trigger;
import cn.gov.eco.enforcement.decision.model.PenaltyType;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DOMAIN.md §9 scenarios 12, 13, 15 and 16, and the other rules of the case before its decision, as unit tests. */
class CaseRulesScenariosTest {

    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.stateCouncil();
    static final CaseRules RULES = CaseRules.defaults();
    static final CaseDeadlines DEADLINES = new CaseDeadlines(CALENDAR, RULES);

    static List<ProposedPenalty> fine(String amount) {
        return List.of(new ProposedPenalty(PenaltyType.FINE, new BigDecimal(amount), null));
    }

    static Gates.CaseFacts plain() {
        return new Gates.CaseFacts(false, false, false, false, false);
    }

    @Test
    void scenario13_shouldGiveTheRawNinetyDayDeadlineWithTheRollForwardAsInformationAndExtendByThirtyDays() {
        var d = DEADLINES.decisionDeadline(LocalDate.parse("2025-01-06"), List.of(), List.of());
        assertThat(d.statutory().date()).isEqualTo("2025-04-06");
        assertThat(d.statutory().derivation().rollForward().to()).isEqualTo("2025-04-07");
        assertThat(d.statutory().derivation().rollForward().applied()).isFalse();
        assertThat(d.statutory().explanationZh()).contains("第六十条");
        var extended = DEADLINES.decisionDeadline(LocalDate.parse("2025-01-06"),
                List.of(new CaseFile.Extension(30, LocalDate.parse("2025-03-20"), "agency-head", "案情复杂")), List.of());
        assertThat(extended.effective().date()).isEqualTo("2025-05-06");
    }

    @Test
    void shouldMoveTheCaseDeadlineByTheExcludedPeriodsBothEndsCounted() {
        var d = DEADLINES.decisionDeadline(LocalDate.parse("2025-01-06"), List.of(),
                List.of(new CaseFile.Suspension(LocalDate.parse("2025-02-10"), LocalDate.parse("2025-02-19"), "鉴定", "x")));
        assertThat(d.excludedDays()).isEqualTo(10);
        assertThat(d.effective().date()).isEqualTo("2025-04-16");
    }

    @Test
    void scenario15_shouldGiveTheLatestHearingNoticeDateSevenWorkingDaysBeforeAcrossTheNationalDayHoliday() {
        var latest = DEADLINES.latestHearingNotice(LocalDate.parse("2025-10-15"));
        assertThat(latest.date()).isEqualTo("2025-09-29");
        assertThat(latest.explanationZh()).contains("第六十四条");
    }

    @Test
    void scenario16_shouldOweAHearingRightFromTheConfiguredThresholdInclusiveAndNotBelow() {
        assertThat(Gates.hearingRight(fine("200000"), false, RULES)).extracting(Trigger::code).containsExactly("LARGE_FINE");
        assertThat(Gates.hearingRight(fine("199999"), false, RULES)).isEmpty();
        assertThat(Gates.hearingRight(fine("5000"), true, RULES)).isNotEmpty();
        assertThat(Gates.hearingRight(fine("4999.99"), true, RULES)).isEmpty();
        // a province with a lower threshold
        assertThat(Gates.hearingRight(fine("60000"), false, RULES.withHearingOrganisationFine(new BigDecimal("50000"))))
                .isNotEmpty();
        assertThat(Gates.hearingRight(List.of(new ProposedPenalty(PenaltyType.REVOCATION_OF_LICENCE, null, null)),
                false, RULES)).extracting(Trigger::code).containsExactly("HEAVY_PENALTY_REVOCATION_OF_LICENCE");
    }

    @Test
    void scenario16_shouldRequireLegalReviewOnceAHearingWasHeld() {
        assertThat(Gates.legalReview(fine("200000").subList(0, 1).stream().map(p ->
                new ProposedPenalty(p.type(), new BigDecimal("150000"), null)).toList(), plain(), RULES)).isEmpty();
        assertThat(Gates.legalReview(fine("150000"), new Gates.CaseFacts(false, false, false, true, false), RULES))
                .extracting(Trigger::code).containsExactly("HEARING_HELD");
        assertThat(Gates.legalReview(fine("150000"), new Gates.CaseFacts(false, true, true, false, false), RULES))
                .extracting(Trigger::code).containsExactly("MAJOR_PUBLIC_INTEREST", "COMPLEX_CASE");
    }

    @Test
    void shouldRequireCollectiveDiscussionFromFiveHundredThousandOrASeriousPenaltyType() {
        assertThat(Gates.deliberation(fine("500000"), plain(), RULES)).isNotEmpty();
        assertThat(Gates.deliberation(fine("499999.99"), plain(), RULES)).isEmpty();
        assertThat(Gates.deliberation(List.of(new ProposedPenalty(PenaltyType.ORDER_TO_SUSPEND_PRODUCTION, null, null)),
                plain(), RULES)).isNotEmpty();
    }

    @Test
    void scenario12_shouldAcceptAMitigatedFineAboveTheStatutoryMinimumAndBlockItBelowUnlessFlaggedWithABasis() {
        String provision = "《中华人民共和国大气污染防治法》第一百零八条第五项";
        var table = RULES.withLegalBasis(Map.of(provision, new CaseRules.FineRange(new BigDecimal("20000"),
                new BigDecimal("200000"))));
        var yingkou = new Mitigation(true, true, new BigDecimal("60000"), false, null, null);
        assertThat(Discretion.check(fine("34000"), provision, yingkou, table)).isEmpty();
        String statement = Discretion.statement(fine("34000"), yingkou, null);
        assertThat(statement).contains("主动参加生态环境法律法规学习", "公开道歉", "60000", "34000", "从轻处罚");

        var higherMinimum = RULES.withLegalBasis(Map.of(provision, new CaseRules.FineRange(new BigDecimal("50000"),
                new BigDecimal("200000"))));
        assertThat(Discretion.check(fine("34000"), provision, yingkou, higherMinimum))
                .extracting(CaseRuleException::rule).containsExactly("FINE_BELOW_STATUTORY_MINIMUM");
        var flaggedWithoutBasis = new Mitigation(true, true, new BigDecimal("60000"), true, " ", null);
        assertThat(Discretion.check(fine("34000"), provision, flaggedWithoutBasis, higherMinimum))
                .extracting(CaseRuleException::rule)
                .containsExactly("MITIGATION_BASIS_REQUIRED", "FINE_BELOW_STATUTORY_MINIMUM");
        var reduced = new Mitigation(true, true, new BigDecimal("60000"), true, "《中华人民共和国行政处罚法》第三十二条第一项", null);
        assertThat(Discretion.check(fine("34000"), provision, reduced, higherMinimum)).isEmpty();
        assertThat(Discretion.statement(fine("34000"), reduced, null)).contains("减轻处罚", "第三十二条第一项");
        assertThat(Discretion.check(fine("250000"), provision, Mitigation.none(), higherMinimum))
                .extracting(CaseRuleException::rule).containsExactly("FINE_ABOVE_STATUTORY_MAXIMUM");
    }

    @Test
    void shouldGiveTheHearingRequestWindowOfFiveWorkingDaysAndTheLimitationPeriodOfTwoYears() {
        // served Thursday 2025-09-25: 26, 28 (adjusted workday), 29, 30 and, after the holiday, 10-09
        assertThat(DEADLINES.hearingRequestWindowEnd(LocalDate.parse("2025-09-25")).date()).isEqualTo("2025-10-09");
        assertThat(DEADLINES.limitationEnd(LocalDate.parse("2024-03-01"), false).date()).isEqualTo("2026-03-01");
        assertThat(DEADLINES.limitationEnd(LocalDate.parse("2024-03-01"), true).date()).isEqualTo("2029-03-01");
        assertThat(DEADLINES.filingDeadline(LocalDate.parse("2026-09-01"), false).date()).isEqualTo("2026-09-16");
        assertThat(DEADLINES.filingDeadline(LocalDate.parse("2026-09-01"), true).date()).isEqualTo("2026-10-01");
    }

    @Test
    void shouldRefuseAnIllegalTransitionNamingTheStateAndChangeNothing() {
        var lead = CaseFile.registerLead("c1", new CaseFile.Party("91350500MA2Y0001XX", "清源化工", "泉州", "陈建国", false),
                new CaseFile.Lead(LocalDate.parse("2026-09-01"), "举报", "废气超标", LocalDate.parse("2026-08-20"), false),
                List.of("officer-lin", "officer-chen")).after();
        assertThatThrownBy(() -> lead.requestHearing(LocalDate.parse("2026-09-02"), "enterprise-a"))
                .isInstanceOfSatisfying(CaseRuleException.class, e -> {
                    assertThat(e.rule()).isEqualTo("ILLEGAL_TRANSITION");
                    assertThat(e.kind()).isEqualTo(CaseRuleException.Kind.ILLEGAL_TRANSITION);
                    assertThat(e.violation().messageZh()).contains("案件线索");
                });
        assertThat(lead.state()).isEqualTo(cn.gov.eco.enforcement.casefile.model.CaseState.LEAD);
    }

    @Test
    void shouldRefuseToFileAfterTheLimitationPeriodAndAfterTheFilingDeadlineWithoutExtension() {
        var old = CaseFile.registerLead("c2", new CaseFile.Party("91350500MA2Y0001XX", "清源化工", "泉州", null, false),
                new CaseFile.Lead(LocalDate.parse("2026-09-01"), "巡查", "旧案", LocalDate.parse("2024-08-01"), false),
                List.of("officer-lin")).after();
        assertThatThrownBy(() -> old.decideFiling(true, LocalDate.parse("2026-09-02"), "泉环立〔2026〕1号", false, null,
                "agency-head", DEADLINES)).hasMessageContaining("LIMITATION_PERIOD_EXPIRED");
        var late = CaseFile.registerLead("c3", old.party(), new CaseFile.Lead(LocalDate.parse("2026-09-01"), "巡查",
                "x", LocalDate.parse("2026-08-01"), false), List.of("officer-lin")).after();
        assertThatThrownBy(() -> late.decideFiling(true, LocalDate.parse("2026-09-20"), "泉环立〔2026〕1号", false, null,
                "agency-head", DEADLINES)).hasMessageContaining("FILING_PERIOD_EXCEEDED");
        assertThat(late.decideFiling(true, LocalDate.parse("2026-09-20"), "泉环立〔2026〕1号", true, "head approved",
                "agency-head", DEADLINES).after().filing().filed()).isTrue();
    }

    @Test
    void shouldLetTheHeadsDiscussACaseReferredToThemWithoutLegalReviewOnceTheWindowsAreOverAndThenDecide() {
        var party = new CaseFile.Party("91350500MA2Y0001XX", "清源化工", "泉州", null, false);
        var c = CaseFile.registerLead("c4", party, new CaseFile.Lead(LocalDate.parse("2026-09-01"), "巡查", "x",
                LocalDate.parse("2026-08-20"), false), List.of("officer-lin")).after();
        c = c.decideFiling(true, LocalDate.parse("2026-09-02"), "泉环立〔2026〕9号", false, null, "agency-head", DEADLINES).after();
        c = c.addEvidence(new CaseFile.EvidenceItem("笔录", "现场检查笔录", LocalDate.parse("2026-09-03"), null, "officer-lin")).after();
        c = c.submitForReview(new CaseFile.Proposal(CaseFile.ProposalKind.PENALTY, fine("30000"), "GENERAL", "事实",
                "条款", "依据", Mitigation.none(), null, false, false, true, null, "officer-lin",
                LocalDate.parse("2026-09-10"))).after();
        c = c.review("case-reviewer", true, null, LocalDate.parse("2026-09-11")).after();
        var served = c.servePreNotice("泉环罚告〔2026〕9号", LocalDate.parse("2026-09-14"), DEADLINES, RULES).after();
        var minutes = new CaseFile.Deliberation(LocalDate.parse("2026-09-15"), List.of("郑局长"), null, "同意",
                "集体讨论记录〔2026〕3号", "agency-head");
        assertThatThrownBy(() -> served.recordDeliberation(minutes)).hasMessageContaining("DECISION_BEFORE_WINDOW_ENDS");
        assertThatThrownBy(() -> served.decide(LocalDate.parse("2026-09-30"), "泉环罚〔2026〕9号", fine("30000"),
                "agency-head", DEADLINES, RULES)).hasMessageContaining("COLLECTIVE_DISCUSSION_REQUIRED");
        var discussed = served.recordDeliberation(new CaseFile.Deliberation(LocalDate.parse("2026-09-29"),
                List.of("郑局长"), null, "同意", "集体讨论记录〔2026〕3号", "agency-head")).after();
        assertThat(discussed.state()).isEqualTo(cn.gov.eco.enforcement.casefile.model.CaseState.READY_FOR_DECISION);
        var decided = discussed.decide(LocalDate.parse("2026-09-30"), "泉环罚〔2026〕9号", fine("30000"), "agency-head",
                DEADLINES, RULES);
        assertThat(decided.after().state()).isEqualTo(cn.gov.eco.enforcement.casefile.model.CaseState.DECIDED);
        assertThat(decided.documents()).containsExactly("泉环罚〔2026〕9号");
    }

}
