package cn.gov.eco.enforcement.casefile.application;

import cn.gov.eco.enforcement.decision.application.RecordDecisionRequest;
import cn.gov.eco.enforcement.casefile.model.Mitigation;

import cn.gov.eco.platform.text.Printed;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The request bodies of the case flow, as officers, reviewers, heads and enterprises send them. A text without its
 * own maximum takes the platform's default ({@code RequestLimits}); what the documents print is {@link Printed}.
 */
public final class CaseCommands {

    private CaseCommands() {
    }

    public record PartyDto(@Size(max = 64) String uscc, @Printed(max = 200, singleLine = true) String name,
                           @Printed(max = 300, singleLine = true) String address,
                           @Printed(max = 50, singleLine = true) String legalRepresentative, Boolean individual) {
    }

    /** 登记案件线索. {@code coInvestigator}: the second officer (two officers per action, MEE Order 30). */
    public record RegisterLead(PartyDto party, LocalDate receivedDate, @Size(max = 200) String source,
                               @Size(max = 5_000) String summary, LocalDate violationDate, Boolean seriousHarm,
                               @Size(max = 64) String coInvestigator) {
    }

    /** 立案审批 by the head: FILE or NOT_FILE. */
    public record FilingDecision(String decision, LocalDate date, Boolean extendPeriod, String reason) {
    }

    public record AddEvidence(String kind, String description, LocalDate collectedDate, String reference) {
    }

    public record PenaltyDto(@Size(max = 40) String type, BigDecimal amount, @Printed(max = 500) String description) {
    }

    /** 调查终结报告 with the proposal: PENALTY (penalties, provisions, discretion) or NO_PENALTY (ground). */
    public record SubmitForReview(@Size(max = 20) String kind, @Size(max = 20) List<PenaltyDto> penalties,
                                  @Size(max = 20) String severityTier, @Printed(max = 20_000) String facts,
                                  @Printed(max = 2_000) String violatedProvision,
                                  @Printed(max = 2_000) String penaltyBasisProvision, Mitigation mitigation,
                                  @Printed(max = 5_000) String discretionStatement, Boolean majorPublicInterest, Boolean complex,
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
    public record Decide(LocalDate decisionDate, @Size(max = 20) List<PenaltyDto> penalties,
                         @Printed(max = 5_000) String discretionStatement,
                         RecordDecisionRequest.NonRepairableDto nonRepairable) {
    }

    public record DecideNoPenalty(LocalDate decisionDate, String ground, String educationNote, String reason) {
    }

    public record Transfer(LocalDate date, String receivingOrgan, String reason) {
    }

    public record CancelFiling(LocalDate date, String reason) {
    }
}
