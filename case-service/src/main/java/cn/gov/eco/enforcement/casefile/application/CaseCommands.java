package cn.gov.eco.enforcement.casefile.application;

import cn.gov.eco.enforcement.decision.application.RecordDecisionRequest;
import cn.gov.eco.enforcement.casefile.model.Mitigation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The request bodies of the case flow, as officers, reviewers, heads and enterprises send them. */
public final class CaseCommands {

    private CaseCommands() {
    }

    public record PartyDto(String uscc, String name, String address, String legalRepresentative, Boolean individual) {
    }

    /** 登记案件线索. {@code coInvestigator}: the second officer (two officers per action, MEE Order 30). */
    public record RegisterLead(PartyDto party, LocalDate receivedDate, String source, String summary,
                               LocalDate violationDate, Boolean seriousHarm, String coInvestigator) {
    }

    /** 立案审批 by the head: FILE or NOT_FILE. */
    public record FilingDecision(String decision, LocalDate date, Boolean extendPeriod, String reason) {
    }

    public record AddEvidence(String kind, String description, LocalDate collectedDate, String reference) {
    }

    public record PenaltyDto(String type, BigDecimal amount, String description) {
    }

    /** 调查终结报告 with the proposal: PENALTY (penalties, provisions, discretion) or NO_PENALTY (ground). */
    public record SubmitForReview(String kind, List<PenaltyDto> penalties, String severityTier, String facts,
                                  String violatedProvision, String penaltyBasisProvision, Mitigation mitigation,
                                  String discretionStatement, Boolean majorPublicInterest, Boolean complex,
                                  Boolean referToDeliberation, String noPenaltyGround, LocalDate date) {
    }

    /** 案件审查: APPROVE or RETURN (for more evidence). */
    public record CaseReview(String outcome, String opinion, LocalDate date) {
    }

    public record ServePreNotice(LocalDate servedDate) {
    }

    public record RecordStatement(LocalDate receivedDate, String summary) {
    }

    public record Waive(Boolean statementsWaived, Boolean hearingWaived, LocalDate date) {
    }

    public record RequestHearing(LocalDate requestedDate) {
    }

    public record ScheduleHearing(LocalDate hearingDate, LocalDate noticeDate, String hostId) {
    }

    public record RecordHearing(LocalDate heldDate, Boolean partyAppeared, String transcriptReference) {
    }

    public record RequestLegalReview(LocalDate date) {
    }

    /** 法制审核: PASS or RETURN with an opinion. */
    public record LegalReview(String outcome, String opinion, LocalDate date) {
    }

    public record RecordDeliberation(LocalDate meetingDate, List<String> participants, String opinions,
                                     String conclusion, String minutesReference) {
    }

    public record ApproveExtension(Integer days, LocalDate approvedDate, String reason) {
    }

    public record RecordSuspension(LocalDate from, LocalDate to, String reason) {
    }

    /** 作出处罚决定: the reviewed proposal, or amended penalties (checked again against every gate). */
    /**
     * @param nonRepairable 特定严重失信 designated by the head with its legal basis and the reason the notice prints
     *                      (optional; only for a serious decision)
     */
    public record Decide(LocalDate decisionDate, List<PenaltyDto> penalties, String discretionStatement,
                         RecordDecisionRequest.NonRepairableDto nonRepairable) {
    }

    public record DecideNoPenalty(LocalDate decisionDate, String ground, String educationNote, String reason) {
    }

    public record Transfer(LocalDate date, String receivingOrgan, String reason) {
    }

    public record CancelFiling(LocalDate date, String reason) {
    }
}
