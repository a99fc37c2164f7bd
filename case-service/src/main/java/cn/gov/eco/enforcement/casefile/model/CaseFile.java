package cn.gov.eco.enforcement.casefile.model;

import cn.gov.eco.platform.calendar.ExplainedDate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static cn.gov.eco.enforcement.casefile.model.CaseState.CASE_REVIEWED;
import static cn.gov.eco.enforcement.casefile.model.CaseState.DECIDED;
import static cn.gov.eco.enforcement.casefile.model.CaseState.DECIDED_NO_PENALTY;
import static cn.gov.eco.enforcement.casefile.model.CaseState.FILING_CANCELLED;
import static cn.gov.eco.enforcement.casefile.model.CaseState.HEARING_REQUESTED;
import static cn.gov.eco.enforcement.casefile.model.CaseState.HEARING_SCHEDULED;
import static cn.gov.eco.enforcement.casefile.model.CaseState.INVESTIGATING;
import static cn.gov.eco.enforcement.casefile.model.CaseState.LEAD;
import static cn.gov.eco.enforcement.casefile.model.CaseState.LEGAL_REVIEW;
import static cn.gov.eco.enforcement.casefile.model.CaseState.NOT_FILED;
import static cn.gov.eco.enforcement.casefile.model.CaseState.PRE_NOTICE_SERVED;
import static cn.gov.eco.enforcement.casefile.model.CaseState.READY_FOR_DECISION;
import static cn.gov.eco.enforcement.casefile.model.CaseState.TRANSFERRED_TO_JUDICIAL;
import static cn.gov.eco.enforcement.casefile.model.CaseState.UNDER_CASE_REVIEW;

/**
 * 行政处罚案件 before and at its decision (DOMAIN.md §8.3): lead → filing → investigation → case review → pre-penalty
 * notice → statements / hearing → legal review → collective discussion → decision, with transfer and cancellation.
 * Immutable: each command returns the case after it, and what the full-process record says about it, or throws
 * {@link CaseRuleException} and changes nothing.
 */
public record CaseFile(String caseId, CaseState state, Party party, Lead lead, Filing filing,
                       List<String> investigators, List<EvidenceItem> evidence, Proposal proposal,
                       List<ReviewRound> caseReviews, PreNotice preNotice, List<Statement> statements, Waiver waiver,
                       Hearing hearing, List<LegalReviewRound> legalReviews, Deliberation deliberation,
                       List<Extension> extensions, List<Suspension> suspensions, Outcome outcome) {

    public CaseFile {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(state, "state");
        investigators = list(investigators);
        evidence = list(evidence);
        caseReviews = list(caseReviews);
        statements = list(statements);
        legalReviews = list(legalReviews);
        extensions = list(extensions);
        suspensions = list(suspensions);
    }

    /** 当事人. {@code individual}: a natural person (hearing thresholds differ, 行政处罚法 第六十三条). */
    public record Party(String uscc, String name, String address, String legalRepresentative, boolean individual) {
    }

    /** 案件线索: when and how it came in, and when the violation happened (for the limitation period, T32). */
    public record Lead(LocalDate receivedDate, String source, String summary, LocalDate violationDate,
                       boolean seriousHarm) {
    }

    /** 立案 (or 不予立案): decided by the head. */
    public record Filing(boolean filed, LocalDate date, String number, String approvedBy, boolean periodExtended,
                         String reason) {
    }

    /** 证据: one record of the investigation (现场检查笔录, 监测报告, 询问笔录, 电子数据 …). */
    public record EvidenceItem(String kind, String description, LocalDate collectedDate, String reference,
                               String recordedBy) {
    }

    /** What the investigators propose after investigation. */
    public enum ProposalKind { PENALTY, NO_PENALTY }

    /**
     * 调查终结报告的处理意见: the proposed penalty (or no penalty), its legal basis and discretion, and the facts that
     * decide the gates (major public interest and complexity: 行政处罚法 第五十七条、第五十八条).
     */
    public record Proposal(ProposalKind kind, List<ProposedPenalty> penalties, String severityTier, String facts,
                           String violatedProvision, String penaltyBasisProvision, Mitigation mitigation,
                           String discretionText, boolean majorPublicInterest, boolean complex,
                           boolean referToDeliberation, NoPenaltyGround noPenaltyGround, String proposedBy,
                           LocalDate date) {
        public Proposal {
            penalties = list(penalties);
        }

        public BigDecimal totalFine() {
            return Gates.sum(penalties, cn.gov.eco.enforcement.decision.model.PenaltyType.FINE);
        }
    }

    /** 案件审查: approved, or returned for more evidence. */
    public record ReviewRound(String reviewerId, LocalDate date, boolean approved, String opinion) {
    }

    /** 行政处罚事先（听证）告知书 as served, with the windows it opened. */
    public record PreNotice(String number, LocalDate servedDate, boolean hearingRightOffered,
                            List<String> hearingRightReasons, ExplainedDate statementWindowEnd,
                            ExplainedDate hearingRequestWindowEnd, BigDecimal proposedTotalFine) {
        public PreNotice {
            hearingRightReasons = list(hearingRightReasons);
        }
    }

    /** 陈述申辩 received. */
    public record Statement(LocalDate receivedDate, String summary, String recordedBy) {
    }

    /**
     * 当事人明确放弃陈述申辩 / 听证 (行政处罚法 第六十二条), or a hearing deemed waived (视为放弃) because it was requested
     * after the 5 working days (第六十四条第一项).
     *
     * @param deemedReasonZh for a deemed waiver: who asked, when, and why late; null for an express waiver
     */
    public record Waiver(boolean statementsWaived, boolean hearingWaived, LocalDate date, String recordedBy,
                         String deemedReasonZh) {

        public Waiver(boolean statementsWaived, boolean hearingWaived, LocalDate date, String recordedBy) {
            this(statementsWaived, hearingWaived, date, recordedBy, null);
        }

        public boolean deemed() {
            return deemedReasonZh != null;
        }
    }

    /** 听证: requested, scheduled and notified, held. */
    public record Hearing(LocalDate requestedDate, LocalDate hearingDate, LocalDate noticeDate, String noticeNumber,
                          String hostId, ExplainedDate latestNoticeDate, LocalDate heldDate, Boolean partyAppeared,
                          String transcriptReference) {
    }

    /** Legal-review round status. */
    public enum ReviewStatus { PENDING, PASSED, RETURNED }

    /** 法制审核 round: requested with its triggers, then passed or returned with an opinion. */
    public record LegalReviewRound(LocalDate requestedDate, String requestedBy, List<String> triggers,
                                   ReviewStatus status, String reviewerId, LocalDate reviewedDate, String opinion) {
        public LegalReviewRound {
            triggers = list(triggers);
        }
    }

    /** 集体讨论 minutes. */
    public record Deliberation(LocalDate meetingDate, List<String> participants, String opinions, String conclusion,
                               String minutesReference, String recordedBy) {
        public Deliberation {
            participants = list(participants);
        }
    }

    /** 延长办案期限, approved by the head. */
    public record Extension(int days, LocalDate approvedDate, String approvedBy, String reason) {
    }

    /** A period not counted in the case limit (听证、公告、监测、鉴定、送达 …). */
    public record Suspension(LocalDate from, LocalDate to, String reason, String recordedBy) {
    }

    /** How the case ended before execution: decision number and date, no-penalty ground, transfer, cancellation. */
    public record Outcome(CaseState state, LocalDate date, String number, String reason, NoPenaltyGround ground,
                          String educationNote, String receivingOrgan, String decidedBy,
                          List<ProposedPenalty> penalties) {
        public Outcome {
            penalties = list(penalties);
        }
    }

    /** What a command did: the case after it and what the full-process record says (行政处罚法 第四十七条). */
    public record Transition(CaseFile before, CaseFile after, String action, String reason, List<String> documents,
                             Map<String, String> details) {
        public Transition {
            documents = list(documents);
            details = Map.copyOf(details);
        }
    }

    // ---------------------------------------------------------------- commands

    /** 案件线索登记: the registering officer and a colleague are the investigators (two officers, MEE Order 30). */
    public static Transition registerLead(String caseId, Party party, Lead lead, List<String> investigators) {
        var c = new CaseFile(caseId, LEAD, party, lead, null, investigators, List.of(), null, List.of(), null,
                List.of(), null, null, List.of(), null, List.of(), List.of(), null);
        return new Transition(null, c, "LEAD_REGISTERED", lead.summary(), List.of(),
                details("uscc", party.uscc(), "receivedDate", lead.receivedDate(), "violationDate", lead.violationDate(),
                        "investigators", String.join(",", investigators)));
    }

    /**
     * 立案 or 不予立案, by the head: within T5 (extended only with the head's approval), and never after the
     * limitation period (行政处罚法 第三十六条).
     */
    public Transition decideFiling(boolean file, LocalDate date, String number, boolean extendPeriod, String reason,
                                   String approvedBy, CaseDeadlines deadlines) {
        require("FILING", LEAD);
        notBefore("date", date, lead.receivedDate(), "收到线索日期", "the day the lead was received");
        if (!file) {
            return change(d -> {
                d.state = NOT_FILED;
                d.filing = new Filing(false, date, null, approvedBy, false, reason);
                d.outcome = new Outcome(NOT_FILED, date, null, reason, null, null, null, approvedBy, null);
            }, "NOT_FILED", reason, List.of(), details("date", date));
        }
        ExplainedDate deadline = deadlines.filingDeadline(lead.receivedDate(), extendPeriod);
        if (date.isAfter(deadline.date())) {
            throw CaseRuleException.gate("FILING_PERIOD_EXCEEDED", "date",
                    "立案日期 " + date + " 超过立案审查期限 " + deadline.date() + "（" + deadline.explanationZh() + "）"
                            + (extendPeriod ? "" : "；经负责人批准可延长"),
                    "Filing on " + date + " is after the filing deadline " + deadline.date() + " ("
                            + deadline.explanationEn() + ")" + (extendPeriod ? "" : "; the head may extend it"));
        }
        if (lead.violationDate() != null) {
            ExplainedDate limit = deadlines.limitationEnd(lead.violationDate(), lead.seriousHarm());
            if (date.isAfter(limit.date())) {
                throw CaseRuleException.gate("LIMITATION_PERIOD_EXPIRED", "lead.violationDate",
                        "违法行为在" + limit.date() + "前未被发现，不再给予行政处罚（《行政处罚法》第三十六条）",
                        "The violation went undiscovered until after " + limit.date()
                                + ": no penalty may be imposed (Administrative Penalty Law Art. 36)");
            }
        }
        return change(d -> {
            d.state = INVESTIGATING;
            d.filing = new Filing(true, date, number, approvedBy, extendPeriod, reason);
        }, "CASE_FILED", reason, List.of(number), details("filedDate", date, "filingNumber", number,
                "filingDeadline", deadline.date(), "periodExtended", extendPeriod));
    }

    /** 调查取证: an evidence record, while the case is under investigation. */
    public Transition addEvidence(EvidenceItem item) {
        require("EVIDENCE", INVESTIGATING);
        notBefore("collectedDate", item.collectedDate(), filing.date(), "立案日期", "the filing date");
        return change(d -> d.evidence.add(item), "EVIDENCE_RECORDED", item.description(),
                item.reference() == null ? List.of() : List.of(item.reference()),
                details("kind", item.kind(), "collectedDate", item.collectedDate()));
    }

    /** 调查终结，移送案件审查 with the investigators' proposal. */
    public Transition submitForReview(Proposal p) {
        require("SUBMIT_FOR_REVIEW", INVESTIGATING);
        if (evidence.isEmpty()) {
            throw CaseRuleException.gate("EVIDENCE_REQUIRED", "evidence",
                    "未记录任何证据，不能移送审查（《行政处罚法》第四十条：违法事实不清、证据不足的，不得给予行政处罚）",
                    "No evidence recorded: the case cannot go to review (Administrative Penalty Law Art. 40)");
        }
        notBefore("date", p.date(), filing.date(), "立案日期", "the filing date");
        return change(d -> {
            d.state = UNDER_CASE_REVIEW;
            d.proposal = p;
        }, "SUBMITTED_FOR_CASE_REVIEW", p.facts(), List.of(), details("proposal", p.kind(),
                "totalFine", p.totalFine().toPlainString(), "severityTier", p.severityTier()));
    }

    /** 案件审查 (separate from investigation): approve the proposal, or return it for more evidence. */
    public Transition review(String reviewerId, boolean approve, String opinion, LocalDate date) {
        require("CASE_REVIEW", UNDER_CASE_REVIEW);
        notBefore("date", date, proposal.date(), "移送审查日期", "the day the case went to review");
        CaseState next = !approve ? INVESTIGATING
                : proposal.kind() == ProposalKind.NO_PENALTY ? READY_FOR_DECISION : CASE_REVIEWED;
        return change(d -> {
            d.state = next;
            d.caseReviews.add(new ReviewRound(reviewerId, date, approve, opinion));
        }, approve ? "CASE_REVIEW_APPROVED" : "CASE_REVIEW_RETURNED", opinion, List.of(),
                details("reviewer", reviewerId, "date", date));
    }

    /**
     * 行政处罚事先（听证）告知书 served (行政处罚法 第四十四条): the statement window (T9) opens and, when the proposal
     * owes one (第六十三条), the hearing-request window (T7).
     */
    public Transition servePreNotice(String number, LocalDate served, CaseDeadlines deadlines, CaseRules rules) {
        require("PRE_NOTICE", CASE_REVIEWED);
        notBefore("servedDate", served, lastReview().date(), "案件审查日期", "the case review date");
        List<Trigger> hearing = Gates.hearingRight(proposal.penalties(), party.individual(), rules);
        ExplainedDate statementEnd = deadlines.statementWindowEnd(served);
        ExplainedDate hearingEnd = hearing.isEmpty() ? null : deadlines.hearingRequestWindowEnd(served);
        var notice = new PreNotice(number, served, !hearing.isEmpty(), hearing.stream().map(Trigger::code).toList(),
                statementEnd, hearingEnd, proposal.totalFine());
        return change(d -> {
            d.state = PRE_NOTICE_SERVED;
            d.preNotice = notice;
            d.waiver = null;
            d.hearing = null;
        }, "PRE_NOTICE_SERVED", null, List.of(number), details("servedDate", served,
                "hearingRightOffered", !hearing.isEmpty(), "statementWindowEnd", statementEnd.date(),
                "hearingRequestWindowEnd", hearingEnd == null ? null : hearingEnd.date()));
    }

    /** 陈述申辩 received (行政处罚法 第四十五条: the agency must hear and review it). */
    public Transition recordStatement(Statement s) {
        require("STATEMENT", PRE_NOTICE_SERVED, HEARING_REQUESTED, HEARING_SCHEDULED);
        notBefore("receivedDate", s.receivedDate(), preNotice.servedDate(), "事先告知书送达日期", "the notice's service");
        return change(d -> d.statements.add(s), "STATEMENT_RECORDED", s.summary(), List.of(),
                details("receivedDate", s.receivedDate()));
    }

    /** 当事人明确放弃 (行政处罚法 第六十二条): the windows close early. */
    public Transition waive(Waiver w) {
        require("WAIVER", PRE_NOTICE_SERVED);
        notBefore("date", w.date(), preNotice.servedDate(), "事先告知书送达日期", "the notice's service");
        if (w.hearingWaived() && !preNotice.hearingRightOffered()) {
            throw CaseRuleException.invalid("HEARING_RIGHT_NOT_APPLICABLE", "hearingWaived",
                    "本案未告知听证权利，无需放弃听证", "No hearing right was offered in this case; nothing to waive");
        }
        return change(d -> d.waiver = w, "RIGHTS_WAIVED", null, List.of(),
                details("statementsWaived", w.statementsWaived(), "hearingWaived", w.hearingWaived(), "date", w.date()));
    }

    /**
     * 听证申请 within 5 working days of the notice (行政处罚法 第六十四条第一项、第八十五条). A request after them is
     * treated as giving up the hearing (视为放弃): recorded as a deemed waiver — who asked, when, why late — not refused.
     */
    public Transition requestHearing(LocalDate date, String requestedBy) {
        require("HEARING_REQUEST", PRE_NOTICE_SERVED);
        if (!preNotice.hearingRightOffered()) {
            throw CaseRuleException.gate("HEARING_RIGHT_NOT_APPLICABLE", null,
                    "本案拟作出的处罚不属于《行政处罚法》第六十三条规定的听证范围",
                    "The proposed penalty is not one of Administrative Penalty Law Art. 63's hearing cases");
        }
        if (waiver != null && waiver.hearingWaived()) {
            throw CaseRuleException.gate("HEARING_WAIVED", null, "当事人已明确放弃听证（《行政处罚法》第六十二条）",
                    "The party expressly waived the hearing (Administrative Penalty Law Art. 62)");
        }
        notBefore("requestedDate", date, preNotice.servedDate(), "事先告知书送达日期", "the notice's service");
        ExplainedDate end = preNotice.hearingRequestWindowEnd();
        if (date.isAfter(end.date())) {
            String zh = requestedBy + " 于 " + date + " 申请听证，已超过申请期限 " + end.date() + "（" + end.explanationZh()
                    + "），依据《行政处罚法》第六十四条第一项视为放弃听证";
            String en = requestedBy + " requested a hearing on " + date + ", after the window's end " + end.date()
                    + " (" + end.explanationEn() + "): deemed a waiver of the hearing (Administrative Penalty Law "
                    + "Art. 64(1))";
            boolean statementsWaived = waiver != null && waiver.statementsWaived();
            return change(d -> d.waiver = new Waiver(statementsWaived, true, date, requestedBy, zh),
                    "HEARING_DEEMED_WAIVED", en, List.of(), details("requestedDate", date, "requestedBy", requestedBy,
                            "windowEnd", end.date(), "deemedWaiver", zh));
        }
        return change(d -> {
            d.state = HEARING_REQUESTED;
            d.hearing = new Hearing(date, null, null, null, null, null, null, null, null);
        }, "HEARING_REQUESTED", null, List.of(), details("requestedDate", date));
    }

    /**
     * 听证通知: at least 7 working days before the hearing (行政处罚法 第六十四条第二项、第八十五条), by a host who did
     * not investigate the case (第六十四条第四项).
     */
    public Transition scheduleHearing(LocalDate hearingDate, LocalDate noticeDate, String number, String hostId,
                                      CaseDeadlines deadlines) {
        require("HEARING_SCHEDULE", HEARING_REQUESTED);
        notBefore("noticeDate", noticeDate, hearing.requestedDate(), "听证申请日期", "the hearing request");
        if (investigators.contains(hostId)) {
            throw CaseRuleException.gate("SEPARATION_OF_DUTIES", "hostId",
                    "本案调查人员不得主持听证（《行政处罚法》第六十四条第四项）",
                    "An investigator of the case must not host its hearing (Administrative Penalty Law Art. 64(4))");
        }
        ExplainedDate latest = deadlines.latestHearingNotice(hearingDate);
        if (noticeDate.isAfter(latest.date())) {
            throw CaseRuleException.gate("HEARING_NOTICE_TOO_LATE", "noticeDate",
                    "听证通知须在举行听证的七个工作日前送达：" + hearingDate + " 的听证最迟应于 " + latest.date()
                            + " 通知，" + noticeDate + " 不足七个工作日（" + latest.explanationZh() + "）",
                    "The hearing notice must go out at least 7 working days before the hearing: for " + hearingDate
                            + " no later than " + latest.date() + "; " + noticeDate + " is less than 7 working days ("
                            + latest.explanationEn() + ")");
        }
        return change(d -> {
            d.state = HEARING_SCHEDULED;
            d.hearing = new Hearing(hearing.requestedDate(), hearingDate, noticeDate, number, hostId, latest, null,
                    null, null);
        }, "HEARING_SCHEDULED", null, List.of(number), details("hearingDate", hearingDate, "noticeDate", noticeDate,
                "host", hostId, "latestNoticeDate", latest.date()));
    }

    /** 听证笔录: the hearing was held, or the party stayed away without reason (= waiver, 第六十四条第八项). */
    public Transition recordHearing(String hostId, LocalDate heldDate, boolean partyAppeared, String transcript) {
        require("HEARING_RECORD", HEARING_SCHEDULED);
        if (!hostId.equals(hearing.hostId())) {
            throw CaseRuleException.gate("NOT_THE_HEARING_HOST", null, "只有本案指定的听证主持人可以记录听证",
                    "Only the hearing host designated for this case may record the hearing");
        }
        notBefore("heldDate", heldDate, hearing.hearingDate(), "通知的听证日期", "the notified hearing date");
        return change(d -> {
            d.state = READY_FOR_DECISION;
            d.hearing = new Hearing(hearing.requestedDate(), hearing.hearingDate(), hearing.noticeDate(),
                    hearing.noticeNumber(), hearing.hostId(), hearing.latestNoticeDate(), heldDate, partyAppeared,
                    transcript);
        }, "HEARING_HELD", transcript, transcript == null ? List.of() : List.of(transcript),
                details("heldDate", heldDate, "partyAppeared", partyAppeared, "host", hostId));
    }

    /** 提请法制审核 once the statement and hearing windows are over or waived. */
    public Transition requestLegalReview(String requestedBy, LocalDate date, CaseRules rules) {
        require("LEGAL_REVIEW_REQUEST", PRE_NOTICE_SERVED, READY_FOR_DECISION);
        if (state == PRE_NOTICE_SERVED) {
            requireWindowsClosed(date, "date");
        }
        List<Trigger> triggers = Gates.legalReview(proposal.penalties(), facts(), rules);
        var round = new LegalReviewRound(date, requestedBy, triggers.stream().map(Trigger::code).toList(),
                ReviewStatus.PENDING, null, null, null);
        return change(d -> {
            d.state = LEGAL_REVIEW;
            d.legalReviews.add(round);
        }, "LEGAL_REVIEW_REQUESTED", null, List.of(), details("date", date, "triggers", String.join(",", round.triggers())));
    }

    /** 法制审核: pass (the head may decide) or return to case review with an opinion (行政处罚法 第五十八条). */
    public Transition concludeLegalReview(String reviewerId, boolean pass, String opinion, LocalDate date) {
        require("LEGAL_REVIEW", LEGAL_REVIEW);
        var pending = legalReviews.getLast();
        notBefore("date", date, pending.requestedDate(), "提请审核日期", "the review request");
        if (!pass && (opinion == null || opinion.isBlank())) {
            throw CaseRuleException.invalid("REQUIRED", "opinion", "退回须写明审核意见", "A return needs the reviewer's opinion");
        }
        var done = new LegalReviewRound(pending.requestedDate(), pending.requestedBy(), pending.triggers(),
                pass ? ReviewStatus.PASSED : ReviewStatus.RETURNED, reviewerId, date, opinion);
        return change(d -> {
            d.state = pass ? READY_FOR_DECISION : UNDER_CASE_REVIEW;
            d.legalReviews.set(d.legalReviews.size() - 1, done);
        }, pass ? "LEGAL_REVIEW_PASSED" : "LEGAL_REVIEW_RETURNED", opinion, List.of(),
                details("reviewer", reviewerId, "date", date));
    }

    /** 集体讨论 minutes recorded by the head (行政处罚法 第五十七条第二款). */
    public Transition recordDeliberation(Deliberation minutes) {
        require("DELIBERATION", PRE_NOTICE_SERVED, READY_FOR_DECISION);
        if (state == PRE_NOTICE_SERVED) {
            // no hearing and no legal review in between: the heads meet once the windows are over or waived
            requireWindowsClosed(minutes.meetingDate(), "meetingDate");
        }
        if (minutes.participants().isEmpty() || blank(minutes.conclusion()) || blank(minutes.minutesReference())) {
            throw CaseRuleException.invalid("MINUTES_INCOMPLETE", "minutesReference",
                    "集体讨论记录须有参加人员、结论和记录编号", "Minutes need the participants, the conclusion and a reference");
        }
        return change(d -> {
            d.state = READY_FOR_DECISION;
            d.deliberation = minutes;
        }, "DELIBERATION_CONCLUDED", minutes.conclusion(),
                List.of(minutes.minutesReference()), details("meetingDate", minutes.meetingDate(),
                        "participants", String.join(",", minutes.participants())));
    }

    /** 延长办案期限, approved by the head (MEE Order 30 [U]). */
    public Transition approveExtension(Extension e) {
        requireOpenAfterFiling("EXTENSION");
        return change(d -> d.extensions.add(e), "CASE_LIMIT_EXTENDED", e.reason(), List.of(),
                details("days", e.days(), "approvedDate", e.approvedDate()));
    }

    /** A period not counted in the case limit (MEE Order 30 [U]). */
    public Transition recordSuspension(Suspension s) {
        requireOpenAfterFiling("SUSPENSION");
        if (s.to().isBefore(s.from())) {
            throw CaseRuleException.invalid("PERIOD_REVERSED", "to", "结束日期早于开始日期", "The end is before the start");
        }
        notBefore("from", s.from(), filing.date(), "立案日期", "the filing date");
        return change(d -> d.suspensions.add(s), "PERIOD_EXCLUDED", s.reason(), List.of(),
                details("from", s.from(), "to", s.to()));
    }

    /** 移送司法机关 (行政处罚法 第二十七条、第五十七条第一款第四项). */
    public Transition transfer(LocalDate date, String receivingOrgan, String reason, String decidedBy) {
        requireOpenAfterFiling("TRANSFER");
        notBefore("date", date, filing.date(), "立案日期", "the filing date");
        return change(d -> {
            d.state = TRANSFERRED_TO_JUDICIAL;
            d.outcome = new Outcome(TRANSFERRED_TO_JUDICIAL, date, null, reason, null, null, receivingOrgan, decidedBy, null);
        }, "TRANSFERRED_TO_JUDICIAL", reason, List.of(), details("date", date, "receivingOrgan", receivingOrgan));
    }

    /** 撤销立案: the filing conditions turned out not to be met. */
    public Transition cancelFiling(LocalDate date, String reason, String decidedBy) {
        requireOpenAfterFiling("FILING_CANCELLATION");
        notBefore("date", date, filing.date(), "立案日期", "the filing date");
        return change(d -> {
            d.state = FILING_CANCELLED;
            d.outcome = new Outcome(FILING_CANCELLED, date, null, reason, null, null, null, decidedBy, null);
        }, "FILING_CANCELLED", reason, List.of(), details("date", date));
    }

    /**
     * 作出行政处罚决定. Refused when: the statement or hearing window is still open and not waived (行政处罚法
     * 第六十二条); the penalty owes a hearing right that was not offered (第六十三条、第六十四条); legal review is
     * required and has not passed (第五十八条); collective discussion is required and has no minutes (第五十七条第二款);
     * the case limit has run out (第六十条).
     */
    public Transition decide(LocalDate decisionDate, String number, List<ProposedPenalty> penalties,
                             String decidedBy, CaseDeadlines deadlines, CaseRules rules) {
        require("DECISION", PRE_NOTICE_SERVED, READY_FOR_DECISION);
        if (proposal.kind() != ProposalKind.PENALTY) {
            throw CaseRuleException.gate("PROPOSAL_IS_NO_PENALTY", null, "审查意见为不予行政处罚", "The reviewed proposal is no penalty");
        }
        notBefore("decisionDate", decisionDate, preNotice.servedDate(), "事先告知书送达日期", "the notice's service");
        requireWindowsClosed(decisionDate, "decisionDate");
        if (!Gates.hearingRight(penalties, party.individual(), rules).isEmpty() && !preNotice.hearingRightOffered()) {
            throw CaseRuleException.gate("HEARING_RIGHT_NOT_OFFERED", "penalties",
                    "拟作出的处罚属于听证范围，但事先告知时未告知听证权利（《行政处罚法》第六十三条、第六十四条）",
                    "The penalty owes a hearing right that the pre-penalty notice did not offer "
                            + "(Administrative Penalty Law Art. 63, 64)");
        }
        requireGates(penalties, rules);
        var limit = deadlines.decisionDeadline(filing.date(), extensions, suspensions).effective();
        if (decisionDate.isAfter(limit.date())) {
            throw CaseRuleException.gate("CASE_TIME_LIMIT_EXCEEDED", "decisionDate",
                    "决定日期 " + decisionDate + " 超过办案期限 " + limit.date() + "（" + limit.explanationZh() + "）",
                    "The decision date " + decisionDate + " is after the case deadline " + limit.date() + " ("
                            + limit.explanationEn() + ")");
        }
        return change(d -> {
            d.state = DECIDED;
            d.outcome = new Outcome(DECIDED, decisionDate, number, null, null, null, null, decidedBy, penalties);
        }, "PENALTY_DECIDED", null, List.of(number), details("decisionDate", decisionDate, "documentNumber", number,
                "totalFine", Gates.sum(penalties, cn.gov.eco.enforcement.decision.model.PenaltyType.FINE).toPlainString()));
    }

    /** 不予行政处罚决定 (行政处罚法 第三十三条): the education step must be recorded (第三十三条第三款). */
    public Transition decideNoPenalty(LocalDate date, String number, NoPenaltyGround ground, String educationNote,
                                      String reason, String decidedBy, CaseRules rules) {
        require("NO_PENALTY_DECISION", READY_FOR_DECISION);
        if (proposal.kind() != ProposalKind.NO_PENALTY) {
            throw CaseRuleException.gate("PROPOSAL_IS_PENALTY", null, "审查意见为给予行政处罚", "The reviewed proposal is a penalty");
        }
        if (ground == null) {
            throw CaseRuleException.invalid("REQUIRED", "ground", "缺少不予处罚的理由（第三十三条）", "Missing the Art. 33 ground");
        }
        if (blank(educationNote)) {
            throw CaseRuleException.gate("EDUCATION_STEP_REQUIRED", "educationNote",
                    "对当事人不予行政处罚的，应当对当事人进行教育，并记录教育情况（《行政处罚法》第三十三条第三款）",
                    "A no-penalty decision must record how the party was educated (Administrative Penalty Law Art. 33(3))");
        }
        notBefore("decisionDate", date, lastReview().date(), "案件审查日期", "the case review date");
        requireGates(List.of(), rules);
        return change(d -> {
            d.state = DECIDED_NO_PENALTY;
            d.outcome = new Outcome(DECIDED_NO_PENALTY, date, number, reason, ground, educationNote, null, decidedBy, null);
        }, "NO_PENALTY_DECIDED", reason, List.of(number), details("decisionDate", date, "ground", ground,
                "documentNumber", number, "education", educationNote));
    }

    // ---------------------------------------------------------------- questions

    /** The facts the gates read. */
    public Gates.CaseFacts facts() {
        return new Gates.CaseFacts(party.individual(), proposal != null && proposal.majorPublicInterest(),
                proposal != null && proposal.complex(), hearingHeld(), proposal != null && proposal.referToDeliberation());
    }

    /** 经过听证程序: a hearing took place with the party present (第五十八条第一款第二项). */
    public boolean hearingHeld() {
        return hearing != null && hearing.heldDate() != null && Boolean.TRUE.equals(hearing.partyAppeared());
    }

    public boolean legalReviewPassed() {
        return !legalReviews.isEmpty() && legalReviews.getLast().status() == ReviewStatus.PASSED;
    }

    /** Whether the statement and hearing windows are over (or waived, or the hearing held) on {@code date}. */
    public boolean windowsClosed(LocalDate date) {
        if (preNotice == null) {
            return false;
        }
        boolean statements = (waiver != null && waiver.statementsWaived())
                || date.isAfter(preNotice.statementWindowEnd().date());
        boolean hearingOver = !preNotice.hearingRightOffered() || (waiver != null && waiver.hearingWaived())
                || (hearing != null && hearing.heldDate() != null)
                || (hearing == null && date.isAfter(preNotice.hearingRequestWindowEnd().date()));
        return statements && hearingOver;
    }

    private void requireWindowsClosed(LocalDate date, String field) {
        if (windowsClosed(date)) {
            return;
        }
        LocalDate statementEnd = preNotice.statementWindowEnd().date();
        String hearingPart = preNotice.hearingRightOffered() ? "、听证申请期限 " + preNotice.hearingRequestWindowEnd().date() : "";
        throw CaseRuleException.gate("DECISION_BEFORE_WINDOW_ENDS", field,
                date + " 陈述申辩期限 " + statementEnd + hearingPart + " 尚未届满，当事人也未明确放弃（《行政处罚法》第六十二条）",
                "On " + date + " the statement window (ends " + statementEnd + ")"
                        + (preNotice.hearingRightOffered() ? " or the hearing-request window (ends "
                        + preNotice.hearingRequestWindowEnd().date() + ")" : "")
                        + " is still open and not waived (Administrative Penalty Law Art. 62)");
    }

    private void requireGates(List<ProposedPenalty> penalties, CaseRules rules) {
        List<Trigger> legal = Gates.legalReview(penalties, facts(), rules);
        if (!legal.isEmpty() && !legalReviewPassed()) {
            throw CaseRuleException.gate("LEGAL_REVIEW_REQUIRED", null,
                    "本案须经法制审核且审核通过方可作出决定（" + describeZh(legal) + "；《行政处罚法》第五十八条）",
                    "Legal review must pass before the decision (" + describeEn(legal)
                            + "; Administrative Penalty Law Art. 58)");
        }
        List<Trigger> discuss = Gates.deliberation(penalties, facts(), rules);
        if (!discuss.isEmpty() && deliberation == null) {
            throw CaseRuleException.gate("COLLECTIVE_DISCUSSION_REQUIRED", null,
                    "本案须经行政机关负责人集体讨论并有讨论记录（" + describeZh(discuss) + "；《行政处罚法》第五十七条第二款）",
                    "The heads must discuss the case collectively, with minutes (" + describeEn(discuss)
                            + "; Administrative Penalty Law Art. 57(2))");
        }
    }

    private static String describeZh(List<Trigger> t) {
        return String.join("；", t.stream().map(x -> x.descriptionZh() + "，" + x.article()).toList());
    }

    private static String describeEn(List<Trigger> t) {
        return String.join("; ", t.stream().map(Trigger::descriptionEn).toList());
    }

    private ReviewRound lastReview() {
        return caseReviews.getLast();
    }

    private void require(String command, CaseState... allowed) {
        Set<CaseState> ok = EnumSet.of(allowed[0], allowed);
        if (!ok.contains(state)) {
            throw illegal(command, ok);
        }
    }

    private void requireOpenAfterFiling(String command) {
        if (!state.openAfterFiling()) {
            throw new CaseRuleException(CaseRuleException.Kind.ILLEGAL_TRANSITION, "ILLEGAL_TRANSITION", "state",
                    "案件状态为“" + state.zh() + "”（" + state + "），不能办理 " + command + "：仅限已立案、尚未决定的案件",
                    "The case is " + state + ": " + command + " applies only to a filed case not yet decided");
        }
    }

    private CaseRuleException illegal(String command, Set<CaseState> allowed) {
        return new CaseRuleException(CaseRuleException.Kind.ILLEGAL_TRANSITION, "ILLEGAL_TRANSITION", "state",
                "案件状态为“" + state.zh() + "”（" + state + "），不能办理 " + command + "；须处于 " + allowed
                        + "（《生态环境行政处罚办法》规定的办案程序）",
                "The case is " + state + ": " + command + " needs one of " + allowed + " (the procedure of MEE Order 30)");
    }

    private static void notBefore(String field, LocalDate date, LocalDate earliest, String zh, String en) {
        if (date == null) {
            throw CaseRuleException.invalid("REQUIRED", field, "缺少日期", "Missing the date");
        }
        if (earliest != null && date.isBefore(earliest)) {
            throw CaseRuleException.invalid("DATE_OUT_OF_ORDER", field,
                    date + " 早于" + zh + " " + earliest + "（立案 ≤ 告知 ≤ 决定，DOMAIN §8.5.4）",
                    date + " is before " + en + " " + earliest + " (filing ≤ notice ≤ decision)");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    private static Map<String, String> details(Object... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put(String.valueOf(kv[i]), String.valueOf(kv[i + 1]));
            }
        }
        return m;
    }

    /** A mutable copy for one command; turned back into an immutable case by {@link #change}. */
    private static final class Draft {
        CaseState state;
        Filing filing;
        final List<EvidenceItem> evidence;
        Proposal proposal;
        final List<ReviewRound> caseReviews;
        PreNotice preNotice;
        final List<Statement> statements;
        Waiver waiver;
        Hearing hearing;
        final List<LegalReviewRound> legalReviews;
        Deliberation deliberation;
        final List<Extension> extensions;
        final List<Suspension> suspensions;
        Outcome outcome;

        Draft(CaseFile c) {
            state = c.state;
            filing = c.filing;
            evidence = new ArrayList<>(c.evidence);
            proposal = c.proposal;
            caseReviews = new ArrayList<>(c.caseReviews);
            preNotice = c.preNotice;
            statements = new ArrayList<>(c.statements);
            waiver = c.waiver;
            hearing = c.hearing;
            legalReviews = new ArrayList<>(c.legalReviews);
            deliberation = c.deliberation;
            extensions = new ArrayList<>(c.extensions);
            suspensions = new ArrayList<>(c.suspensions);
            outcome = c.outcome;
        }
    }

    private Transition change(java.util.function.Consumer<Draft> edit, String action, String reason,
                              List<String> documents, Map<String, String> details) {
        Draft d = new Draft(this);
        edit.accept(d);
        var after = new CaseFile(caseId, d.state, party, lead, d.filing, investigators, d.evidence, d.proposal,
                d.caseReviews, d.preNotice, d.statements, d.waiver, d.hearing, d.legalReviews, d.deliberation,
                d.extensions, d.suspensions, d.outcome);
        return new Transition(this, after, action, reason, documents, details);
    }
}
