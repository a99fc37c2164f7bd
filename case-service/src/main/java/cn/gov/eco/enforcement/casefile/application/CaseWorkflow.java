package cn.gov.eco.enforcement.casefile.application;

import cn.gov.eco.enforcement.decision.application.DecisionValidator;
import cn.gov.eco.enforcement.decision.application.RecordDecisionRequest;
import cn.gov.eco.platform.publicity.ClassifiedPlan;
import cn.gov.eco.platform.publicity.NonRepairableDesignation;
import cn.gov.eco.platform.publicity.PublicityClassifier;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.identity.Role;
import cn.gov.eco.enforcement.casefile.infrastructure.CaseEvents;
import cn.gov.eco.enforcement.casefile.infrastructure.CaseFileRepository;
import cn.gov.eco.enforcement.casefile.model.CaseDeadlines;
import cn.gov.eco.enforcement.casefile.model.CaseFile;
import cn.gov.eco.enforcement.casefile.model.CaseRuleException;
import cn.gov.eco.enforcement.casefile.model.CaseRules;
import cn.gov.eco.enforcement.casefile.model.CaseState;
import cn.gov.eco.enforcement.casefile.model.Discretion;
import cn.gov.eco.enforcement.casefile.model.Gates;
import cn.gov.eco.enforcement.casefile.model.Mitigation;
import cn.gov.eco.enforcement.casefile.model.NoPenaltyGround;
import cn.gov.eco.enforcement.casefile.model.ProposedPenalty;
import cn.gov.eco.enforcement.decision.infrastructure.CaseRepository;
import cn.gov.eco.enforcement.decision.infrastructure.PenaltyDecidedV1;
import cn.gov.eco.enforcement.decision.model.Enterprise;
import cn.gov.eco.enforcement.decision.model.Penalty;
import cn.gov.eco.enforcement.decision.model.PenaltyDecision;
import cn.gov.eco.enforcement.decision.model.PenaltyType;
import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.identity.Uscc;
import cn.gov.eco.platform.identity.UsccCheck;
import cn.gov.eco.platform.identity.UsccWhitelist;
import cn.gov.eco.platform.publicity.SeverityTier;
import cn.gov.eco.platform.security.AccessPolicy;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.ProblemException;
import cn.gov.eco.platform.web.Violation;
import org.bson.Document;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The case flow's application service: loads the case, lets the model decide, applies the access rules that need the
 * case (enterprise scope, separation of duties, the first-time legal reviewer's qualification), allocates 文号 only
 * for a step that will be taken, and writes the step with its record entry and events in one version-checked update.
 */
public class CaseWorkflow {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String PENDING_NUMBER = "（待编号）";

    private final CaseFileRepository repository;
    private final DocumentNumbers numbers;
    private final AccessPolicy policy;
    private final CaseDeadlines deadlines;
    private final CaseRules rules;
    private final UsccWhitelist whitelist;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final String issuingAgency;

    private final PublicityClassifier classifier;

    public CaseWorkflow(CaseFileRepository repository, DocumentNumbers numbers, AccessPolicy policy,
                        CaseDeadlines deadlines, CaseRules rules, UsccWhitelist whitelist, Clock clock,
                        Supplier<UUID> ids, String issuingAgency, PublicityClassifier classifier) {
        this.classifier = classifier;
        this.repository = repository;
        this.numbers = numbers;
        this.policy = policy;
        this.deadlines = deadlines;
        this.rules = rules;
        this.whitelist = whitelist;
        this.clock = clock;
        this.ids = ids;
        this.issuingAgency = issuingAgency;
    }

    // ------------------------------------------------------------------ lead and filing

    /** 登记案件线索: the officer and the named colleague become the case's investigators. */
    public CaseFileView registerLead(Actor actor, CaseCommands.RegisterLead r) {
        List<Violation> v = new ArrayList<>();
        String uscc = null;
        if (r.party() == null || blank(r.party().uscc())) {
            v.add(required("party.uscc", "统一社会信用代码", "the unified social credit code"));
        } else {
            UsccCheck check = Uscc.check(r.party().uscc(), whitelist);
            if (check.accepted()) {
                uscc = check.normalized();
            } else {
                check.violations().forEach(x -> v.add(new Violation("party.uscc", x.code(), x.messageZh(), x.messageEn())));
            }
        }
        if (r.party() == null || blank(r.party().name())) {
            v.add(required("party.name", "当事人名称", "the party's name"));
        }
        if (r.receivedDate() == null) {
            v.add(required("receivedDate", "线索收到日期", "the date the lead was received"));
        } else if (r.receivedDate().isAfter(today())) {
            v.add(future("receivedDate"));
        }
        if (r.violationDate() != null && r.violationDate().isAfter(today())) {
            v.add(future("violationDate"));
        }
        if (blank(r.summary())) {
            v.add(required("summary", "线索摘要", "the summary of the lead"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        List<String> investigators = new ArrayList<>(List.of(actor.userId()));
        if (!blank(r.coInvestigator()) && !r.coInvestigator().equals(actor.userId())) {
            investigators.add(r.coInvestigator().trim());
        }
        var p = r.party();
        var t = CaseFile.registerLead(ids.get().toString(), new CaseFile.Party(uscc, p.name().trim(),
                        trim(p.address()), trim(p.legalRepresentative()), Boolean.TRUE.equals(p.individual())),
                new CaseFile.Lead(r.receivedDate(), trim(r.source()), r.summary().trim(), r.violationDate(),
                        Boolean.TRUE.equals(r.seriousHarm())), investigators);
        repository.insert(t, actor.ref(Role.OFFICER), clock.instant(), List.of());
        return view(t.after(), 1);
    }

    /** 立案审批 by the head, who must not be an investigator of the case. */
    public CaseFileView decideFiling(Actor actor, String caseId, CaseCommands.FilingDecision r) {
        boolean file = choice(r.decision(), "decision", "FILE", "NOT_FILE");
        LocalDate date = past(r.date(), "date");
        return step(actor, caseId, Role.AGENCY_HEAD, AccessPolicy.Duty.APPROVAL, number -> c -> c.decideFiling(file,
                date, number, Boolean.TRUE.equals(r.extendPeriod()), trim(r.reason()), actor.userId(), deadlines),
                file ? DocumentNumbers.Series.FILING : null, date);
    }

    public CaseFileView addEvidence(Actor actor, String caseId, CaseCommands.AddEvidence r) {
        if (blank(r.description()) || blank(r.kind())) {
            throw new InvalidInputException(required(blank(r.kind()) ? "kind" : "description", "证据种类和内容",
                    "the kind and content of the evidence"));
        }
        LocalDate date = past(r.collectedDate(), "collectedDate");
        return investigatorStep(actor, caseId, c -> c.addEvidence(new CaseFile.EvidenceItem(r.kind().trim(),
                r.description().trim(), date, trim(r.reference()), actor.userId())), date);
    }

    /** 调查终结，移送审查 with the proposal, checked against the legal-basis table (DOMAIN §8.5.2). */
    public CaseFileView submitForReview(Actor actor, String caseId, CaseCommands.SubmitForReview r) {
        boolean penalty = choice(r.kind(), "kind", "PENALTY", "NO_PENALTY");
        LocalDate date = past(r.date(), "date");
        List<ProposedPenalty> penalties = penalty ? penalties(r.penalties(), "penalties") : List.of();
        List<Violation> v = new ArrayList<>();
        NoPenaltyGround ground = null;
        if (penalty) {
            if (blank(r.severityTier()) || Arrays.stream(SeverityTier.values()).noneMatch(t -> t.name().equals(r.severityTier()))) {
                v.add(new Violation("severityTier", "UNKNOWN_SEVERITY_TIER", "失信程度须为 MINOR、GENERAL 或 SERIOUS",
                        "The severity tier must be MINOR, GENERAL or SERIOUS"));
            }
            if (blank(r.penaltyBasisProvision())) {
                v.add(required("penaltyBasisProvision", "处罚依据", "the legal basis of the penalty"));
            }
            if (blank(r.violatedProvision())) {
                v.add(required("violatedProvision", "违反的法律规定", "the provision violated"));
            }
            Discretion.check(penalties, r.penaltyBasisProvision(), r.mitigation(), rules).forEach(e ->
                    v.add(e.violation()));
        } else {
            ground = ground(r.noPenaltyGround(), "noPenaltyGround", v);
            if (ground == NoPenaltyGround.FIRST_VIOLATION_MINOR_HARM && blank(r.violatedProvision())) {
                // 首违: "first" is judged per provision violated (scenario 28), so the provision is needed
                v.add(required("violatedProvision", "违反的法律规定（判断是否初次违法）", "the provision violated (to judge a first violation)"));
            }
        }
        if (blank(r.facts())) {
            v.add(required("facts", "违法事实", "the facts"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        var proposal = new CaseFile.Proposal(penalty ? CaseFile.ProposalKind.PENALTY : CaseFile.ProposalKind.NO_PENALTY,
                penalties, penalty ? r.severityTier() : null, r.facts().trim(), trim(r.violatedProvision()),
                trim(r.penaltyBasisProvision()), r.mitigation() == null ? Mitigation.none() : r.mitigation(),
                trim(r.discretionStatement()), Boolean.TRUE.equals(r.majorPublicInterest()),
                Boolean.TRUE.equals(r.complex()), Boolean.TRUE.equals(r.referToDeliberation()), ground,
                actor.userId(), date);
        return investigatorStep(actor, caseId, c -> c.submitForReview(proposal), date);
    }

    /** 案件审查 by a reviewer who did not investigate (《生态环境行政处罚办法》审查与调查分离). */
    public CaseFileView review(Actor actor, String caseId, CaseCommands.CaseReview r) {
        boolean approve = choice(r.outcome(), "outcome", "APPROVE", "RETURN");
        LocalDate date = past(r.date(), "date");
        return step(actor, caseId, Role.CASE_REVIEWER, AccessPolicy.Duty.CASE_REVIEW,
                n -> c -> c.review(actor.userId(), approve, trim(r.opinion()), date), null, date);
    }

    // ------------------------------------------------------------------ notice, statements, hearing

    public CaseFileView servePreNotice(Actor actor, String caseId, CaseCommands.ServePreNotice r) {
        LocalDate date = past(r.servedDate(), "servedDate");
        return step(actor, caseId, Role.OFFICER, null, number -> c -> c.servePreNotice(number, date, deadlines, rules),
                DocumentNumbers.Series.PRE_NOTICE, date);
    }

    /** 陈述申辩: recorded by an officer, or sent by the enterprise itself (its own case only). */
    public CaseFileView recordStatement(Actor actor, String caseId, CaseCommands.RecordStatement r) {
        requireParty(actor, caseId);
        if (blank(r.summary())) {
            throw new InvalidInputException(required("summary", "陈述申辩内容", "the statement"));
        }
        LocalDate date = past(r.receivedDate(), "receivedDate");
        return partyStep(actor, caseId, c -> c.recordStatement(new CaseFile.Statement(date, r.summary().trim(),
                actor.userId())), date);
    }

    public CaseFileView waive(Actor actor, String caseId, CaseCommands.Waive r) {
        requireParty(actor, caseId);
        LocalDate date = past(r.date(), "date");
        if (!Boolean.TRUE.equals(r.statementsWaived()) && !Boolean.TRUE.equals(r.hearingWaived())) {
            throw new InvalidInputException(new Violation("statementsWaived", "NOTHING_WAIVED", "未放弃任何权利",
                    "Nothing is waived"));
        }
        return partyStep(actor, caseId, c -> c.waive(new CaseFile.Waiver(Boolean.TRUE.equals(r.statementsWaived()),
                Boolean.TRUE.equals(r.hearingWaived()), date, actor.userId())), date);
    }

    public CaseFileView requestHearing(Actor actor, String caseId, CaseCommands.RequestHearing r) {
        requireParty(actor, caseId);
        LocalDate date = past(r.requestedDate(), "requestedDate");
        return partyStep(actor, caseId, c -> c.requestHearing(date, actor.userId()), date);
    }

    public CaseFileView scheduleHearing(Actor actor, String caseId, CaseCommands.ScheduleHearing r) {
        LocalDate notice = past(r.noticeDate(), "noticeDate");
        if (r.hearingDate() == null || blank(r.hostId())) {
            throw new InvalidInputException(required(r.hearingDate() == null ? "hearingDate" : "hostId",
                    "听证日期和主持人", "the hearing date and host"));
        }
        return step(actor, caseId, Role.OFFICER, null, number -> c -> c.scheduleHearing(r.hearingDate(), notice, number,
                r.hostId().trim(), deadlines), DocumentNumbers.Series.HEARING_NOTICE, notice);
    }

    /** 听证笔录, by the designated host, who did not investigate (行政处罚法 第六十四条第四项). */
    public CaseFileView recordHearing(Actor actor, String caseId, CaseCommands.RecordHearing r) {
        LocalDate date = past(r.heldDate(), "heldDate");
        return step(actor, caseId, Role.HEARING_HOST, AccessPolicy.Duty.HEARING_HOST, n -> c -> c.recordHearing(
                actor.userId(), date, !Boolean.FALSE.equals(r.partyAppeared()), trim(r.transcriptReference())), null, date);
    }

    // ------------------------------------------------------------------ legal review, discussion, time limits

    public CaseFileView requestLegalReview(Actor actor, String caseId, CaseCommands.RequestLegalReview r) {
        LocalDate date = past(r.date(), "date");
        return step(actor, caseId, Role.OFFICER, null, n -> c -> c.requestLegalReview(actor.userId(), date, rules), null, date);
    }

    /** The legal-review queue (法制审核): the cases waiting, each with its triggers. */
    public List<CaseFileView> legalReviewQueue() {
        return repository.inState(CaseState.LEGAL_REVIEW, 200).stream().map(c -> view(c, -1)).toList();
    }

    /** 法制审核 by a reviewer who did not investigate; a first-time reviewer needs the qualification (第五十八条第二款). */
    public CaseFileView legalReview(Actor actor, String caseId, CaseCommands.LegalReview r) {
        boolean pass = choice(r.outcome(), "outcome", "PASS", "RETURN");
        LocalDate date = past(r.date(), "date");
        return step(actor, caseId, Role.LEGAL_REVIEWER, AccessPolicy.Duty.LEGAL_REVIEW, n -> c -> {
            var t = c.concludeLegalReview(actor.userId(), pass, trim(r.opinion()), date);
            policy.requireLegalQualification(actor, "legal review of case " + caseId,
                    repository.legalReviewsConcludedBy(actor.userId()));
            return t;
        }, null, date);
    }

    public CaseFileView recordDeliberation(Actor actor, String caseId, CaseCommands.RecordDeliberation r) {
        LocalDate date = past(r.meetingDate(), "meetingDate");
        return step(actor, caseId, Role.AGENCY_HEAD, null, n -> c -> c.recordDeliberation(new CaseFile.Deliberation(
                date, r.participants() == null ? List.of() : r.participants().stream().map(String::trim).toList(),
                trim(r.opinions()), trim(r.conclusion()), trim(r.minutesReference()), actor.userId())), null, date);
    }

    public CaseFileView approveExtension(Actor actor, String caseId, CaseCommands.ApproveExtension r) {
        LocalDate date = past(r.approvedDate(), "approvedDate");
        int days = r.days() == null ? rules.caseExtensionDays() : r.days();
        if (days < 1 || days > 365) {
            throw new InvalidInputException(new Violation("days", "OUT_OF_RANGE", "延长天数须在 1 至 365 之间",
                    "The extension must be 1 to 365 days"));
        }
        return step(actor, caseId, Role.AGENCY_HEAD, AccessPolicy.Duty.APPROVAL, n -> c -> c.approveExtension(
                new CaseFile.Extension(days, date, actor.userId(), trim(r.reason()))), null, date);
    }

    public CaseFileView recordSuspension(Actor actor, String caseId, CaseCommands.RecordSuspension r) {
        LocalDate from = past(r.from(), "from");
        if (r.to() == null || blank(r.reason())) {
            throw new InvalidInputException(required(r.to() == null ? "to" : "reason", "期间和理由", "the period and reason"));
        }
        return step(actor, caseId, Role.OFFICER, null, n -> c -> c.recordSuspension(new CaseFile.Suspension(from,
                r.to(), r.reason().trim(), actor.userId())), null, from);
    }

    // ------------------------------------------------------------------ the end of the case before execution

    public CaseFileView transfer(Actor actor, String caseId, CaseCommands.Transfer r) {
        LocalDate date = past(r.date(), "date");
        if (blank(r.receivingOrgan())) {
            throw new InvalidInputException(required("receivingOrgan", "接收移送的司法机关", "the receiving judicial organ"));
        }
        return step(actor, caseId, Role.AGENCY_HEAD, AccessPolicy.Duty.APPROVAL, n -> c -> c.transfer(date,
                r.receivingOrgan().trim(), trim(r.reason()), actor.userId()), null, date);
    }

    public CaseFileView cancelFiling(Actor actor, String caseId, CaseCommands.CancelFiling r) {
        LocalDate date = past(r.date(), "date");
        if (blank(r.reason())) {
            throw new InvalidInputException(required("reason", "撤销立案理由", "the reason"));
        }
        return step(actor, caseId, Role.AGENCY_HEAD, AccessPolicy.Duty.APPROVAL, n -> c -> c.cancelFiling(date,
                r.reason().trim(), actor.userId()), null, date);
    }

    /**
     * 作出行政处罚决定 by the head (not an investigator), through every gate; writes the {@code decision} document and
     * raises the same {@code PenaltyDecided} as a registered decision.
     */
    public CaseFileView decide(Actor actor, String caseId, CaseCommands.Decide r) {
        LocalDate date = past(r.decisionDate(), "decisionDate");
        List<ProposedPenalty> amended = r.penalties() == null || r.penalties().isEmpty() ? null
                : penalties(r.penalties(), "penalties");
        NonRepairableDesignation nonRepairable = designation(r.nonRepairable());
        for (int attempt = 0; ; attempt++) {
            try {
                return step(actor, caseId, Role.AGENCY_HEAD, AccessPolicy.Duty.APPROVAL, number -> c -> {
                    List<ProposedPenalty> decided = amended != null ? amended : c.proposal() == null ? List.of()
                            : c.proposal().penalties();
                    if (amended != null) {
                        var faults = Discretion.check(decided, c.proposal().penaltyBasisProvision(),
                                c.proposal().mitigation(), rules);
                        if (!faults.isEmpty()) {
                            throw faults.getFirst();
                        }
                    }
                    return c.decide(date, number, decided, actor.userId(), deadlines, rules);
                }, DocumentNumbers.Series.DECISION, date, r.discretionStatement(), nonRepairable);
            } catch (CaseFileRepository.DuplicateDecisionNumber taken) {
                // the number was registered from outside the system: it stays used, the next one is allocated
                if (attempt >= 20) {
                    throw ProblemException.conflict("DOCUMENT_NUMBER_TAKEN", "documentNumber", "文号 " + taken.getMessage()
                            + " 已被使用", "Document number " + taken.getMessage() + " is already used")
                            .titled("文号已被使用", "Document number already used");
                }
            }
        }
    }

    /** 不予行政处罚决定 (第三十三条), education recorded; NoPenaltyDecided and CaseClosed(NO_PENALTY), no credit effect. */
    public CaseFileView decideNoPenalty(Actor actor, String caseId, CaseCommands.DecideNoPenalty r) {
        LocalDate date = past(r.decisionDate(), "decisionDate");
        List<Violation> v = new ArrayList<>();
        NoPenaltyGround ground = ground(r.ground(), "ground", v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        if (ground == NoPenaltyGround.FIRST_VIOLATION_MINOR_HARM) {
            requireFirstViolation(caseId);
        }
        return step(actor, caseId, Role.AGENCY_HEAD, AccessPolicy.Duty.APPROVAL, number -> c -> c.decideNoPenalty(
                date, number, ground, trim(r.educationNote()), trim(r.reason()), actor.userId(), rules),
                DocumentNumbers.Series.NO_PENALTY, date);
    }

    // ------------------------------------------------------------------ reading

    public CaseFileView view(CaseFile c, long version) {
        return new CaseFileView(c.caseId(), c.state().name(), c.state().zh(), version, c, deadlinesOf(c), gatesOf(c));
    }

    private CaseFileView.Deadlines deadlinesOf(CaseFile c) {
        ExplainedDate filing = c.filing() == null ? deadlines.filingDeadline(c.lead().receivedDate(), false)
                : null;
        ExplainedDate limitation = c.lead().violationDate() == null ? null
                : deadlines.limitationEnd(c.lead().violationDate(), c.lead().seriousHarm());
        CaseDeadlines.DecisionDeadline decision = c.filing() == null || !c.filing().filed() ? null
                : deadlines.decisionDeadline(c.filing().date(), c.extensions(), c.suspensions());
        var n = c.preNotice();
        var h = c.hearing();
        return new CaseFileView.Deadlines(filing, limitation, decision, n == null ? null : n.statementWindowEnd(),
                n == null ? null : n.hearingRequestWindowEnd(), h == null ? null : h.latestNoticeDate());
    }

    private CaseFileView.GateStatus gatesOf(CaseFile c) {
        var p = c.proposal();
        if (p == null) {
            return null;
        }
        return new CaseFileView.GateStatus(Gates.hearingRight(p.penalties(), c.party().individual(), rules),
                c.preNotice() != null && c.preNotice().hearingRightOffered(),
                Gates.legalReview(p.penalties(), c.facts(), rules), c.legalReviewPassed(),
                Gates.deliberation(p.penalties(), c.facts(), rules), c.deliberation() != null);
    }

    // ------------------------------------------------------------------ the one way a step is taken

    /** A step of the model, given the document number allocated for it (a placeholder when it needs none). */
    private interface Step extends Function<String, Function<CaseFile, CaseFile.Transition>> {
    }

    private CaseFileView step(Actor actor, String caseId, Role role, AccessPolicy.Duty duty, Step step,
                              DocumentNumbers.Series series, LocalDate date) {
        return step(actor, caseId, role, duty, step, series, date, null, null);
    }

    /** 特定严重失信 on the decision step: both the legal basis and the reason are required when it is given. */
    private static NonRepairableDesignation designation(RecordDecisionRequest.NonRepairableDto n) {
        if (n == null) {
            return null;
        }
        List<Violation> v = new ArrayList<>();
        if (blank(n.legalBasis()) || n.legalBasis().length() > 500) {
            v.add(new Violation("nonRepairable.legalBasis", "REQUIRED", "缺少不予修复（特定严重失信）的依据（不超过500字）",
                    "Missing the legal basis of the non-repairable designation (at most 500 characters)"));
        }
        if (blank(n.reasonZh()) || n.reasonZh().length() > 1000) {
            v.add(new Violation("nonRepairable.reasonZh", "REQUIRED", "缺少不予修复的理由（不超过1000字）",
                    "Missing the reason it cannot be repaired (at most 1,000 characters)"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return new NonRepairableDesignation(n.legalBasis().trim(), n.reasonZh().trim());
    }

    /** An enterprise acts only on its own case (DOMAIN.md §8.2), checked before anything else is said about it. */
    private void requireParty(Actor actor, String caseId) {
        policy.requireEnterprise(actor, "case " + caseId, uscc(load(caseId)));
    }

    /** The case file as the flow shows it; enterprise users see only their own. */
    public CaseFileView fileView(Actor actor, String caseId) {
        var loaded = load(caseId);
        policy.requireEnterprise(actor, "case " + caseId, uscc(loaded));
        if (loaded.file() == null) {
            throw ProblemException.notFound("案卷（该决定未经办案流程登记）", "case file (decision registered without the flow)", caseId);
        }
        return view(loaded.file(), loaded.version());
    }

    private CaseFileView partyStep(Actor actor, String caseId, Function<CaseFile, CaseFile.Transition> command,
                                   LocalDate date) {
        Role role = actor.has(Role.ENTERPRISE) && !actor.isAgencyStaff() ? Role.ENTERPRISE : Role.OFFICER;
        return step(actor, caseId, role, null, n -> command, null, date, null, null);
    }

    private CaseFileView step(Actor actor, String caseId, Role role, AccessPolicy.Duty duty, Step step,
                              DocumentNumbers.Series series, LocalDate date, String officerDiscretion,
                              NonRepairableDesignation nonRepairable) {
        var loaded = load(caseId);
        CaseFile c = flowCase(loaded);
        // dry run: the model refuses an illegal or gated step before anyone's duties are checked or a number is used
        run(() -> step.apply(PENDING_NUMBER).apply(c));
        if (duty != null) {
            policy.requireNotInvestigator(actor, duty.name() + " of case " + caseId, c.investigators(), duty);
        }
        String number = series == null ? PENDING_NUMBER : numbers.next(series, date.getYear());
        CaseFile.Transition t = run(() -> step.apply(number).apply(c));
        Instant at = clock.instant();
        String decisionId = t.after().state() == CaseState.DECIDED || t.after().state() == CaseState.DECIDED_NO_PENALTY
                ? ids.get().toString() : null;
        List<CaseEvents.Raised> events = new ArrayList<>(run(() -> CaseEvents.of(t, decisionId, at, deadlines)));
        Document decision = null;
        if (t.after().state() == CaseState.DECIDED) {
            PenaltyDecision d = penaltyDecision(t.after(), decisionId, number, date, officerDiscretion, at,
                    nonRepairable);
            // the one classification of the decision's publicity, carried in PenaltyDecided
            ClassifiedPlan plan = d.publicityPlan(classifier);
            DecisionValidator.nonRepairableTier(nonRepairable != null, plan);
            decision = CaseRepository.toBson(d);
            events.addFirst(new CaseEvents.Raised(EventTypes.PENALTY_DECIDED, PenaltyDecidedV1.from(d, plan)));
        }
        repository.save(loaded, t, actor.ref(role), at, events, decision);
        return view(t.after(), loaded.version() + 1);
    }

    /** The decision document's content, from the reviewed proposal and the file (行政处罚法 第五十九条). */
    private PenaltyDecision penaltyDecision(CaseFile c, String decisionId, String number, LocalDate date,
                                            String officerDiscretion, Instant at,
                                            NonRepairableDesignation nonRepairable) {
        var p = c.proposal();
        var party = c.party();
        List<ProposedPenalty> decided = c.outcome().penalties();
        String statement = Discretion.statement(decided, p.mitigation(),
                join(p.discretionText(), trim(officerDiscretion)));
        return new PenaltyDecision(c.caseId(), decisionId, number, date, new Enterprise(party.uscc(), party.name(),
                party.address() == null ? "" : party.address(), party.legalRepresentative()),
                decided.stream().map(x -> new Penalty(x.type(), x.amount() == null ? null : x.amount().setScale(2),
                        x.description())).toList(), SeverityTier.valueOf(p.severityTier()), p.facts(),
                c.evidence().stream().map(CaseFile.EvidenceItem::description).toList(), p.violatedProvision(),
                p.penaltyBasisProvision(), statement, issuingAgency, at, nonRepairable);
    }

    private CaseFileRepository.Loaded load(String caseId) {
        return repository.load(caseId).orElseThrow(() -> ProblemException.notFound("案件", "case", caseId));
    }

    private static CaseFile flowCase(CaseFileRepository.Loaded loaded) {
        if (loaded.file() == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "ILLEGAL_TRANSITION", "state",
                    "该案件为登记录入的已决定案件（" + loaded.state() + "），没有立案至决定的办案流程",
                    "This case was registered as an already decided case (" + loaded.state()
                            + "); it has no filing-to-decision flow");
        }
        return loaded.file();
    }

    private static String uscc(CaseFileRepository.Loaded loaded) {
        if (loaded.file() != null) {
            return loaded.file().party().uscc();
        }
        Document d = loaded.raw().get("decision", Document.class);
        return d == null ? null : d.get("enterprise", Document.class).getString("uscc");
    }

    /**
     * Investigation steps are the investigators' (two officers per case, MEE Order 30): others are refused, once the
     * model has accepted the step for the case's state.
     */
    private CaseFileView investigatorStep(Actor actor, String caseId, Function<CaseFile, CaseFile.Transition> command,
                                          LocalDate date) {
        return step(actor, caseId, Role.OFFICER, null, n -> c -> {
            var t = command.apply(c);
            if (!c.investigators().contains(actor.userId())) {
                throw policy.deny(actor, "investigation of case " + c.caseId(), "NOT_AN_INVESTIGATOR",
                        "只有本案调查人员可以办理调查取证和移送审查", "only an investigator of this case may do this");
            }
            return t;
        }, null, date);
    }

    /** The model's refusals as problem+json: 409 for the wrong state, 422 for a legal gate, 400 for bad input. */
    private static <T> T run(Supplier<T> s) {
        try {
            return s.get();
        } catch (CaseRuleException e) {
            HttpStatus status = switch (e.kind()) {
                case ILLEGAL_TRANSITION -> HttpStatus.CONFLICT;
                case GATE -> HttpStatus.valueOf(422);
                case INVALID -> HttpStatus.BAD_REQUEST;
            };
            var x = e.violation();
            throw new ProblemException(status, x.rule(), x.field(), x.messageZh(), x.messageEn());
        }
    }


    /**
     * 首违不罚 is for a first violation (行政处罚法 第三十三条第一款): a party with an earlier decided violation of the
     * same provision, or an exemption already granted for it, cannot have it again (local list rule [U], DOMAIN §9
     * scenario 28).
     */
    private void requireFirstViolation(String caseId) {
        var loaded = load(caseId);
        CaseFile c = flowCase(loaded);
        if (c.proposal() == null || c.proposal().violatedProvision() == null) {
            return; // the model refuses the step for the state, or the ground needs the provision (checked on submit)
        }
        long prior = repository.priorViolations(c.party().uscc(), c.proposal().violatedProvision(), caseId);
        if (prior > 0) {
            throw new ProblemException(HttpStatus.valueOf(422), "NOT_A_FIRST_VIOLATION", "ground",
                    "当事人此前已因违反" + c.proposal().violatedProvision() + "受到处理或已适用首违不罚（" + prior
                            + " 件），不适用首违不罚（《行政处罚法》第三十三条第一款）",
                    "The party was already decided against, or exempted, for " + c.proposal().violatedProvision()
                            + " (" + prior + " case(s)): not a first violation (Administrative Penalty Law Art. 33(1))");
        }
    }

    /** 第三十三条's ground, or a violation naming the field. */
    private static NoPenaltyGround ground(String value, String field, List<Violation> v) {
        try {
            return NoPenaltyGround.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            v.add(new Violation(field, "UNKNOWN_GROUND", "不予处罚理由须为 " + Arrays.toString(NoPenaltyGround.values())
                    + "（《行政处罚法》第三十三条）", "The ground must be one of "
                    + Arrays.toString(NoPenaltyGround.values()) + " (Administrative Penalty Law Art. 33)"));
            return null;
        }
    }

    private List<ProposedPenalty> penalties(List<CaseCommands.PenaltyDto> in, String field) {
        List<Violation> v = new ArrayList<>();
        List<ProposedPenalty> out = new ArrayList<>();
        if (in == null || in.isEmpty()) {
            throw new InvalidInputException(required(field, "处罚种类", "at least one penalty"));
        }
        for (int i = 0; i < in.size(); i++) {
            var p = in.get(i);
            String f = field + "[" + i + "]";
            PenaltyType type;
            try {
                type = PenaltyType.valueOf(String.valueOf(p == null ? null : p.type()));
            } catch (IllegalArgumentException e) {
                v.add(new Violation(f + ".type", "UNKNOWN_PENALTY_TYPE", "不是《行政处罚法》第九条规定的处罚种类",
                        "Not a penalty type of Art. 9 of the Administrative Penalty Law"));
                continue;
            }
            BigDecimal amount = p.amount();
            if (type.amountRule() == PenaltyType.AmountRule.REQUIRED && amount == null) {
                v.add(required(f + ".amount", type.nameZh() + "金额", "the amount"));
            } else if (amount != null && (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
                    || type.amountRule() == PenaltyType.AmountRule.NONE)) {
                v.add(new Violation(f + ".amount", "AMOUNT_INVALID", "金额须大于零、精确到分，且该处罚种类须有金额",
                        "The amount must be positive, fen-exact and apply to the penalty type"));
            }
            out.add(new ProposedPenalty(type, amount == null ? null : amount.setScale(2), trim(p.description())));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return out;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private LocalDate past(LocalDate date, String field) {
        if (date == null) {
            throw new InvalidInputException(required(field, "日期", "the date"));
        }
        if (date.isAfter(today())) {
            throw new InvalidInputException(future(field));
        }
        return date;
    }

    private Violation future(String field) {
        return new Violation(field, "DATE_IN_FUTURE", "日期不能晚于今天（" + today() + "）",
                "The date cannot be after today (" + today() + ")");
    }

    private static boolean choice(String value, String field, String yes, String no) {
        if (yes.equals(value)) {
            return true;
        }
        if (no.equals(value)) {
            return false;
        }
        throw new InvalidInputException(new Violation(field, "UNKNOWN_VALUE", field + " 须为 " + yes + " 或 " + no,
                field + " must be " + yes + " or " + no));
    }

    private static Violation required(String field, String zh, String en) {
        return new Violation(field, "REQUIRED", "缺少" + zh, "Missing " + en);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }
}
