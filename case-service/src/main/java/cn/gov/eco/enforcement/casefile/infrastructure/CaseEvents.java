package cn.gov.eco.enforcement.casefile.infrastructure;

import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.enforcement.casefile.model.CaseDeadlines;
import cn.gov.eco.enforcement.casefile.model.CaseFile;
import cn.gov.eco.enforcement.casefile.model.CaseState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The integration events of the case flow on {@code enforcement.case.v1} (schemas in {@code contracts}), mapped from
 * the transition the model made. {@code PenaltyDecided} is {@link cn.gov.eco.enforcement.decision.infrastructure.PenaltyDecidedV1},
 * the same event a registered decision raises.
 */
public final class CaseEvents {

    private CaseEvents() {
    }

    /** An event to raise: its type and payload. */
    public record Raised(EventType type, Object payload) {
    }

    public record CaseFiledV1(String caseId, String uscc, String enterpriseName, String filingNumber,
                              String leadReceivedDate, String filedDate, String decisionDeadline, String approvedBy,
                              Instant recordedAt) {
    }

    public record PreNoticeServedV1(String caseId, String uscc, String noticeNumber, String servedDate,
                                    String proposedTotalFine, boolean hearingRightOffered, String statementWindowEnd,
                                    String hearingRequestWindowEnd, Instant recordedAt) {
    }

    public record HearingRequestedV1(String caseId, String uscc, String requestedDate, Instant recordedAt) {
    }

    public record HearingHeldV1(String caseId, String uscc, String hearingDate, String hearingNoticeNumber,
                                String hostId, boolean partyAppeared, String transcriptReference, Instant recordedAt) {
    }

    public record LegalReviewRequestedV1(String caseId, String uscc, List<String> triggers, String requestedBy,
                                         Instant recordedAt) {
    }

    public record LegalReviewPassedV1(String caseId, String uscc, String reviewerId, String reviewedDate,
                                      String opinion, Instant recordedAt) {
    }

    public record LegalReviewReturnedV1(String caseId, String uscc, String reviewerId, String reviewedDate,
                                        String opinion, Instant recordedAt) {
    }

    public record DeliberationConcludedV1(String caseId, String uscc, String meetingDate, String conclusion,
                                          String minutesReference, List<String> participants, Instant recordedAt) {
    }

    public record NoPenaltyDecidedV1(String caseId, String decisionId, String documentNumber, String uscc,
                                     String enterpriseName, String decisionDate, String ground,
                                     boolean educationRecorded, String reason, Instant recordedAt) {
    }

    public record CaseClosedV1(String caseId, String decisionId, String documentNumber, String uscc, String closedDate,
                               String outcome, Instant recordedAt) {
    }

    /**
     * The events a transition raises, other than PenaltyDecided (raised with the decision document) and
     * NoPenaltyDecided (which needs the decision id): empty for steps only the record keeps (evidence, statements …).
     */
    public static List<Raised> of(CaseFile.Transition t, String decisionId, Instant at, CaseDeadlines deadlines) {
        CaseFile c = t.after();
        String uscc = c.party().uscc();
        List<Raised> out = new ArrayList<>();
        switch (t.action()) {
            case "CASE_FILED" -> out.add(new Raised(EventTypes.CASE_FILED, new CaseFiledV1(c.caseId(), uscc,
                    c.party().name(), c.filing().number(), s(c.lead().receivedDate()), s(c.filing().date()),
                    s(deadlines.decisionDeadline(c.filing().date(), List.of(), List.of()).statutory().date()), c.filing().approvedBy(), at)));
            case "NOT_FILED", "FILING_CANCELLED", "TRANSFERRED_TO_JUDICIAL" -> out.add(closed(c, null, at));
            case "PRE_NOTICE_SERVED" -> {
                var n = c.preNotice();
                out.add(new Raised(EventTypes.PRE_NOTICE_SERVED, new PreNoticeServedV1(c.caseId(), uscc, n.number(),
                        s(n.servedDate()), n.proposedTotalFine().setScale(2).toPlainString(), n.hearingRightOffered(),
                        s(n.statementWindowEnd().date()), n.hearingRequestWindowEnd() == null ? null
                        : s(n.hearingRequestWindowEnd().date()), at)));
            }
            case "HEARING_REQUESTED" -> out.add(new Raised(EventTypes.HEARING_REQUESTED, new HearingRequestedV1(
                    c.caseId(), uscc, s(c.hearing().requestedDate()), at)));
            case "HEARING_HELD" -> {
                var h = c.hearing();
                out.add(new Raised(EventTypes.HEARING_HELD, new HearingHeldV1(c.caseId(), uscc, s(h.heldDate()),
                        h.noticeNumber(), h.hostId(), Boolean.TRUE.equals(h.partyAppeared()), h.transcriptReference(), at)));
            }
            case "LEGAL_REVIEW_REQUESTED" -> {
                var r = c.legalReviews().getLast();
                out.add(new Raised(EventTypes.LEGAL_REVIEW_REQUESTED, new LegalReviewRequestedV1(c.caseId(), uscc,
                        r.triggers(), r.requestedBy(), at)));
            }
            case "LEGAL_REVIEW_PASSED" -> {
                var r = c.legalReviews().getLast();
                out.add(new Raised(EventTypes.LEGAL_REVIEW_PASSED, new LegalReviewPassedV1(c.caseId(), uscc,
                        r.reviewerId(), s(r.reviewedDate()), r.opinion(), at)));
            }
            case "LEGAL_REVIEW_RETURNED" -> {
                var r = c.legalReviews().getLast();
                out.add(new Raised(EventTypes.LEGAL_REVIEW_RETURNED, new LegalReviewReturnedV1(c.caseId(), uscc,
                        r.reviewerId(), s(r.reviewedDate()), r.opinion(), at)));
            }
            case "DELIBERATION_CONCLUDED" -> {
                var d = c.deliberation();
                out.add(new Raised(EventTypes.DELIBERATION_CONCLUDED, new DeliberationConcludedV1(c.caseId(), uscc,
                        s(d.meetingDate()), d.conclusion(), d.minutesReference(), d.participants(), at)));
            }
            case "NO_PENALTY_DECIDED" -> {
                var o = c.outcome();
                out.add(new Raised(EventTypes.NO_PENALTY_DECIDED, new NoPenaltyDecidedV1(c.caseId(), decisionId,
                        o.number(), uscc, c.party().name(), s(o.date()), o.ground().name(), true,
                        o.reason() == null ? o.ground().zh() + "，依据" + o.ground().article() + "不予行政处罚，并已对当事人进行教育："
                                + o.educationNote() : o.reason(), at)));
                out.add(closed(c, decisionId, at));
            }
            default -> {
                // recorded in the full-process record only
            }
        }
        return out;
    }

    private static Raised closed(CaseFile c, String decisionId, Instant at) {
        var o = c.outcome();
        String outcome = o.state() == CaseState.DECIDED_NO_PENALTY ? "NO_PENALTY" : o.state().name();
        return new Raised(EventTypes.CASE_CLOSED, new CaseClosedV1(c.caseId(), decisionId, o.number(),
                c.party().uscc(), s(o.date()), outcome, at));
    }

    private static String s(Object o) {
        return o == null ? null : o.toString();
    }
}
