package cn.gov.eco.enforcement.decision.web;

import cn.gov.eco.enforcement.decision.application.CaseQueries;
import cn.gov.eco.enforcement.decision.application.DecisionRecorder;
import cn.gov.eco.enforcement.decision.application.RecordDecisionRequest;
import cn.gov.eco.enforcement.decision.model.PenaltyDecision;
import cn.gov.eco.platform.record.ProcessRecord;
import cn.gov.eco.platform.security.Access;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.platform.web.Violation;
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

/** Officers record penalty decisions; agency staff and the enterprise concerned read cases back. */
@RestController
@RequestMapping("/api/cases")
public class DecisionController {

    private final DecisionRecorder recorder;
    private final CaseQueries queries;

    public DecisionController(DecisionRecorder recorder, CaseQueries queries) {
        this.recorder = recorder;
        this.queries = queries;
    }

    public record CaseView(String caseId, String state, PenaltyDecision decision, List<Violation> warnings) {
    }

    @PostMapping("/decisions")
    @Access(roles = OFFICER, changesState = true)
    @ResponseStatus(HttpStatus.CREATED) // the 2xx the OpenAPI document names (ResponseEntity.created)
    public ResponseEntity<CaseView> record(Actor actor, @RequestBody RecordDecisionRequest request) {
        var recorded = recorder.record(actor, request);
        var d = recorded.decision();
        return ResponseEntity.created(URI.create("/api/cases/" + d.caseId()))
                .body(new CaseView(d.caseId(), "DECIDED", d, recorded.warnings()));
    }

    @GetMapping("/{caseId}")
    @Access(roles = {OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, CREDIT_REVIEWER, AUDITOR,
            ENTERPRISE}, scope = Access.Scope.ENTERPRISE)
    public CaseView get(Actor actor, @PathVariable String caseId) {
        var read = queries.get(actor, caseId);
        return new CaseView(read.caseId(), read.state(), read.decision(), List.of());
    }

    /** The USCC exception queue: codes that fail the check character, accepted and awaiting an officer. */
    @GetMapping("/uscc-verifications")
    @Access(roles = {OFFICER, LEGAL_REVIEWER, AGENCY_HEAD, AUDITOR})
    public List<PenaltyDecision> usccToVerify() {
        return queries.usccToVerify();
    }

    /** The officer's confirmation of a queued USCC against the registry. */
    public record UsccConfirmation(String registryReference, String note) {
    }

    @PostMapping("/{caseId}/uscc-verification")
    @Access(roles = OFFICER, changesState = true)
    public CaseView confirmUscc(Actor actor, @PathVariable String caseId,
                                @RequestBody(required = false) UsccConfirmation body) {
        var read = queries.confirmUscc(actor, caseId, body == null ? null : body.registryReference(),
                body == null ? null : body.note());
        return new CaseView(read.caseId(), read.state(), read.decision(), List.of());
    }

    /** 执法全过程记录: every state change, hash-chained, with the chain recomputed (JSON export for auditors). */
    @GetMapping("/{caseId}/record")
    @Access(roles = {OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, AUDITOR})
    public CaseQueries.RecordExport record(@PathVariable String caseId) {
        return queries.record(caseId);
    }

    /** Recomputes the record's hash chain and says where it breaks, if it does. */
    @GetMapping("/{caseId}/record/verification")
    @Access(roles = {OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, AUDITOR})
    public ProcessRecord.Verification verifyRecord(@PathVariable String caseId) {
        return queries.record(caseId).verification();
    }
}
