package cn.gov.eco.enforcement.execution.web;

import cn.gov.eco.enforcement.execution.application.ExecutionRequests;
import cn.gov.eco.enforcement.execution.application.ExecutionService;
import cn.gov.eco.enforcement.execution.application.ExecutionView;
import cn.gov.eco.platform.security.Access;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.platform.web.ProblemException;
import cn.gov.eco.platform.web.ProblemHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static cn.gov.eco.contracts.identity.Role.AGENCY_HEAD;
import static cn.gov.eco.contracts.identity.Role.AUDITOR;
import static cn.gov.eco.contracts.identity.Role.CASE_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.CREDIT_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.ENTERPRISE;
import static cn.gov.eco.contracts.identity.Role.HEARING_HOST;
import static cn.gov.eco.contracts.identity.Role.LEGAL_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.OFFICER;

/**
 * 执行: after the decision is served. Officers record payments, the rectification check, the reminder and the court
 * application; the agency head approves deferral and instalments; a legal reviewer or the agency head records a
 * revocation or amendment; agency staff and the enterprise itself read the payment status. Every answer to a change
 * is the execution as it now stands; a concurrent change by someone else is a 409 with nothing changed.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/execution")
@Tag(name = "执行 Execution", description = "Payments, surcharge, deferral, instalments, rectification, closure, "
        + "reminder and court enforcement, revocation and amendment")
public class ExecutionController {

    private final ExecutionService execution;
    private final ProblemHandler problems;

    public ExecutionController(ExecutionService execution, ProblemHandler problems) {
        this.execution = execution;
        this.problems = problems;
    }

    @GetMapping
    @Access(roles = {OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, CREDIT_REVIEWER, AUDITOR,
            ENTERPRISE}, scope = Access.Scope.ENTERPRISE)
    @Operation(summary = "缴款状态 Payment status", description = "Amount due, the due date with its derivation, the "
            + "surcharge to date (3%/day, capped at the fine) and what is outstanding. Enterprise users: own cases only.")
    public ExecutionView status(Actor actor, @PathVariable String caseId) {
        return execution.status(actor, caseId);
    }

    @PostMapping("/payments")
    @Access(roles = OFFICER, changesState = true)
    @Operation(summary = "缴款登记 Record a payment", description = "The surcharge is computed to the payment date; "
            + "publishes FinePaid, and CaseClosed when every obligation is met.")
    public ExecutionView recordPayment(Actor actor, @PathVariable String caseId,
                                       @RequestBody ExecutionRequests.RecordPayment request) {
        return execution.recordPayment(actor, caseId, request);
    }

    @PostMapping("/rectification")
    @Access(roles = OFFICER, changesState = true)
    @Operation(summary = "整改核查 Verify the rectification", description = "责令改正 verified complete; publishes "
            + "RectificationVerified, and CaseClosed when the money is paid too.")
    public ExecutionView verifyRectification(Actor actor, @PathVariable String caseId,
                                             @RequestBody ExecutionRequests.VerifyRectification request) {
        return execution.verifyRectification(actor, caseId, request);
    }

    @PostMapping("/deferral")
    @Access(roles = AGENCY_HEAD, changesState = true)
    @Operation(summary = "批准暂缓缴纳 Approve a deferral", description = "行政处罚法 第六十六条第二款.")
    public ExecutionView approveDeferral(Actor actor, @PathVariable String caseId,
                                         @RequestBody ExecutionRequests.ApproveDeferral request) {
        return execution.approveDeferral(actor, caseId, request);
    }

    @PostMapping("/instalments")
    @Access(roles = AGENCY_HEAD, changesState = true)
    @Operation(summary = "批准分期缴纳 Approve instalments", description = "行政处罚法 第六十六条第二款: the instalments "
            + "add up to the fine, each with its own due date.")
    public ExecutionView approveInstalments(Actor actor, @PathVariable String caseId,
                                            @RequestBody ExecutionRequests.ApproveInstalments request) {
        return execution.approveInstalments(actor, caseId, request);
    }

    @PostMapping("/reminder")
    @Access(roles = OFFICER, changesState = true)
    @Operation(summary = "催告书送达 Record the payment reminder", description = "行政强制法 第五十四条: the court may be "
            + "asked 10 working days after it was served.")
    public ExecutionView recordReminder(Actor actor, @PathVariable String caseId,
                                        @RequestBody ExecutionRequests.RecordReminder request) {
        return execution.recordReminder(actor, caseId, request);
    }

    @PostMapping("/court-enforcement")
    @Access(roles = {OFFICER, AGENCY_HEAD}, changesState = true)
    @Operation(summary = "申请人民法院强制执行 Apply to the court", description = "行政强制法 第五十三条: after the reminder "
            + "period and the remedy periods, within 3 months.")
    public ExecutionView requestCourtEnforcement(Actor actor, @PathVariable String caseId,
                                                 @RequestBody ExecutionRequests.RequestCourtEnforcement request) {
        return execution.requestCourtEnforcement(actor, caseId, request);
    }

    @PostMapping("/court-enforcement/completion")
    @Access(roles = {OFFICER, AGENCY_HEAD}, changesState = true)
    @Operation(summary = "强制执行完毕 Court enforcement completed", description = "Closes the case; publishes "
            + "CaseClosed (COURT_ENFORCEMENT).")
    public ExecutionView completeCourtEnforcement(Actor actor, @PathVariable String caseId,
                                                  @RequestBody ExecutionRequests.CompleteCourtEnforcement request) {
        return execution.completeCourtEnforcement(actor, caseId, request);
    }

    @PostMapping("/remedy-outcome")
    @Access(roles = {LEGAL_REVIEWER, AGENCY_HEAD}, changesState = true)
    @Operation(summary = "复议、诉讼或自行纠正结果 Record a revocation or amendment", description = "Publishes "
            + "DecisionRevoked or DecisionAmended with the T14 date by which the publicity is withdrawn.")
    public ExecutionView recordRemedyOutcome(Actor actor, @PathVariable String caseId,
                                             @RequestBody ExecutionRequests.RecordRemedyOutcome request) {
        return execution.recordRemedyOutcome(actor, caseId, request);
    }
}
