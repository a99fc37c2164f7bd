package cn.gov.eco.enforcement.casefile.web;

import cn.gov.eco.enforcement.casefile.application.CaseCommands;
import cn.gov.eco.enforcement.casefile.application.CaseFileView;
import cn.gov.eco.enforcement.casefile.application.CaseWorkflow;
import cn.gov.eco.platform.security.Access;
import cn.gov.eco.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

import static cn.gov.eco.contracts.identity.Role.AGENCY_HEAD;
import static cn.gov.eco.contracts.identity.Role.AUDITOR;
import static cn.gov.eco.contracts.identity.Role.CASE_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.CREDIT_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.ENTERPRISE;
import static cn.gov.eco.contracts.identity.Role.HEARING_HOST;
import static cn.gov.eco.contracts.identity.Role.LEGAL_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.OFFICER;

/**
 * The case from lead to decision (DOMAIN.md §8.3) for officers, reviewers, hearing hosts, heads and the enterprise
 * concerned. Every step answers the case as it now stands, with its deadlines as explained dates; a refused step is
 * problem+json naming the rule and its article (409 wrong state or concurrent change, 422 a legal gate, 400 bad
 * input, 403 a duty the caller may not perform on this case), and nothing is changed.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "case flow 办案流程", description = "立案、调查、审查、告知、听证、法制审核、集体讨论、决定")
public class CaseFlowController {

    private final CaseWorkflow flow;

    public CaseFlowController(CaseWorkflow flow) {
        this.flow = flow;
    }

    @PostMapping
    @Access(roles = OFFICER, changesState = true)
    @Operation(summary = "登记案件线索 register a lead", description = "The officer and the co-investigator named become the case's investigators; the filing deadline (T5) and limitation end (T32) are returned.")
    @ResponseStatus(HttpStatus.CREATED) // the 2xx the OpenAPI document names (ResponseEntity.created)
    public ResponseEntity<CaseFileView> registerLead(Actor actor, @RequestBody CaseCommands.RegisterLead body) {
        var view = flow.registerLead(actor, body);
        return ResponseEntity.created(URI.create("/api/cases/" + view.caseId())).body(view);
    }

    @GetMapping("/{caseId}/file")
    @Access(roles = {OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, CREDIT_REVIEWER, AUDITOR,
            ENTERPRISE}, scope = Access.Scope.ENTERPRISE)
    @Operation(summary = "案卷 the case file", description = "The file with every deadline as an explained date and the gates that apply.")
    public CaseFileView file(Actor actor, @PathVariable String caseId) {
        return flow.fileView(actor, caseId);
    }

    @PostMapping("/{caseId}/filing")
    @Access(roles = AGENCY_HEAD, changesState = true)
    @Operation(summary = "立案审批 approve filing (FILE) or not (NOT_FILE)", description = "By a head who did not investigate; within T5 (extendPeriod = the head's approved extension); refused after the limitation period (Art. 36).")
    public CaseFileView filing(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.FilingDecision body) {
        return flow.decideFiling(actor, caseId, body);
    }

    @PostMapping("/{caseId}/evidence")
    @Access(roles = OFFICER, changesState = true)
    @Operation(summary = "记录证据 record evidence", description = "By an investigator of the case, while investigating.")
    public CaseFileView evidence(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.AddEvidence body) {
        return flow.addEvidence(actor, caseId, body);
    }

    @PostMapping("/{caseId}/review-submission")
    @Access(roles = OFFICER, changesState = true)
    @Operation(summary = "调查终结移送审查 submit the proposal for case review", description = "PENALTY (checked against the legal-basis table; 减轻 only flagged with a legal basis) or NO_PENALTY (Art. 33 ground).")
    public CaseFileView submit(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.SubmitForReview body) {
        return flow.submitForReview(actor, caseId, body);
    }

    @PostMapping("/{caseId}/case-review")
    @Access(roles = CASE_REVIEWER, changesState = true)
    @Operation(summary = "案件审查 APPROVE or RETURN for more evidence", description = "By a reviewer who did not investigate the case.")
    public CaseFileView review(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.CaseReview body) {
        return flow.review(actor, caseId, body);
    }

    @PostMapping("/{caseId}/pre-notice")
    @Access(roles = OFFICER, changesState = true)
    @Operation(summary = "送达事先（听证）告知书 serve the pre-penalty notice", description = "Allocates its 文号; opens the statement window (T9) and, when owed (Art. 63), the hearing-request window (T7).")
    public CaseFileView preNotice(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.ServePreNotice body) {
        return flow.servePreNotice(actor, caseId, body);
    }

    @PostMapping("/{caseId}/statements")
    @Access(roles = {OFFICER, ENTERPRISE}, changesState = true, scope = Access.Scope.ENTERPRISE)
    @Operation(summary = "陈述申辩 a statement and defence", description = "Sent by the enterprise (its own case) or recorded by an officer.")
    public CaseFileView statement(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.RecordStatement body) {
        return flow.recordStatement(actor, caseId, body);
    }

    @PostMapping("/{caseId}/waiver")
    @Access(roles = {OFFICER, ENTERPRISE}, changesState = true, scope = Access.Scope.ENTERPRISE)
    @Operation(summary = "放弃陈述申辩 / 听证 waive (Art. 62)")
    public CaseFileView waiver(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.Waive body) {
        return flow.waive(actor, caseId, body);
    }

    @PostMapping("/{caseId}/hearing-request")
    @Access(roles = {OFFICER, ENTERPRISE}, changesState = true, scope = Access.Scope.ENTERPRISE)
    @Operation(summary = "申请听证 request a hearing", description = "Within 5 working days of the notice (T7, Art. 64).")
    public CaseFileView hearingRequest(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.RequestHearing body) {
        return flow.requestHearing(actor, caseId, body);
    }

    @PostMapping("/{caseId}/hearing-schedule")
    @Access(roles = OFFICER, changesState = true)
    @Operation(summary = "听证通知 schedule and notify the hearing", description = "At least 7 working days before it (T8); the host must not be an investigator.")
    public CaseFileView hearingSchedule(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.ScheduleHearing body) {
        return flow.scheduleHearing(actor, caseId, body);
    }

    @PostMapping("/{caseId}/hearing-record")
    @Access(roles = HEARING_HOST, changesState = true)
    @Operation(summary = "听证笔录 record the hearing", description = "By the designated host.")
    public CaseFileView hearingRecord(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.RecordHearing body) {
        return flow.recordHearing(actor, caseId, body);
    }

    @PostMapping("/{caseId}/legal-review-request")
    @Access(roles = OFFICER, changesState = true)
    @Operation(summary = "提请法制审核 send to legal review", description = "Once the statement and hearing windows are over or waived; lists the Art. 58 triggers.")
    public CaseFileView legalReviewRequest(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.RequestLegalReview body) {
        return flow.requestLegalReview(actor, caseId, body);
    }

    @GetMapping("/legal-reviews")
    @Access(roles = {LEGAL_REVIEWER, AGENCY_HEAD, AUDITOR})
    @Operation(summary = "法制审核待办 the legal-review queue", description = "Cases waiting for legal review, with their triggers.")
    public List<CaseFileView> legalReviewQueue() {
        return flow.legalReviewQueue();
    }

    @PostMapping("/{caseId}/legal-review")
    @Access(roles = LEGAL_REVIEWER, changesState = true)
    @Operation(summary = "法制审核 PASS or RETURN with an opinion", description = "By a reviewer who did not investigate; a first-time reviewer needs the legal qualification (Art. 58(2)).")
    public CaseFileView legalReview(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.LegalReview body) {
        return flow.legalReview(actor, caseId, body);
    }

    @PostMapping("/{caseId}/deliberation")
    @Access(roles = AGENCY_HEAD, changesState = true)
    @Operation(summary = "集体讨论记录 collective discussion minutes (Art. 57(2))")
    public CaseFileView deliberation(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.RecordDeliberation body) {
        return flow.recordDeliberation(actor, caseId, body);
    }

    @PostMapping("/{caseId}/extensions")
    @Access(roles = AGENCY_HEAD, changesState = true)
    @Operation(summary = "延长办案期限 approve an extension of the case limit (T4)")
    public CaseFileView extension(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.ApproveExtension body) {
        return flow.approveExtension(actor, caseId, body);
    }

    @PostMapping("/{caseId}/excluded-periods")
    @Access(roles = OFFICER, changesState = true)
    @Operation(summary = "不计入办案期限的期间 record an excluded period (hearing, notice, monitoring, appraisal, service)")
    public CaseFileView excludedPeriod(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.RecordSuspension body) {
        return flow.recordSuspension(actor, caseId, body);
    }

    @PostMapping("/{caseId}/decision")
    @Access(roles = AGENCY_HEAD, changesState = true)
    @Operation(summary = "作出行政处罚决定 decide the penalty", description = "Through every gate (Art. 57, 58, 60, 62, 63); allocates the 文号 and raises PenaltyDecided.")
    public CaseFileView decide(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.Decide body) {
        return flow.decide(actor, caseId, body);
    }

    @PostMapping("/{caseId}/no-penalty-decision")
    @Access(roles = AGENCY_HEAD, changesState = true)
    @Operation(summary = "不予行政处罚决定 decide no penalty (Art. 33)", description = "The education step must be recorded; raises NoPenaltyDecided and CaseClosed(NO_PENALTY), no credit consequence.")
    public CaseFileView noPenalty(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.DecideNoPenalty body) {
        return flow.decideNoPenalty(actor, caseId, body);
    }

    @PostMapping("/{caseId}/transfer")
    @Access(roles = AGENCY_HEAD, changesState = true)
    @Operation(summary = "移送司法机关 transfer to the judicial organs (Art. 27)")
    public CaseFileView transfer(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.Transfer body) {
        return flow.transfer(actor, caseId, body);
    }

    @PostMapping("/{caseId}/filing-cancellation")
    @Access(roles = AGENCY_HEAD, changesState = true)
    @Operation(summary = "撤销立案 cancel the filing")
    public CaseFileView cancelFiling(Actor actor, @PathVariable String caseId, @RequestBody CaseCommands.CancelFiling body) {
        return flow.cancelFiling(actor, caseId, body);
    }
}
