package cn.gov.eco.credit.repair.web;

import cn.gov.eco.credit.repair.application.CreditCommitment;
import cn.gov.eco.credit.repair.application.RepairApplications;
import cn.gov.eco.credit.repair.application.RepairApplications.ApplicationList;
import cn.gov.eco.credit.repair.application.RepairApplications.ApplicationView;
import cn.gov.eco.credit.repair.application.RepairApplications.EligibilityView;
import cn.gov.eco.credit.repair.application.RepairApplications.SubmitRequest;
import cn.gov.eco.credit.repair.application.RepairApplications.Upload;
import cn.gov.eco.platform.security.Access;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.platform.web.ProblemHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static cn.gov.eco.contracts.identity.Role.AGENCY_HEAD;
import static cn.gov.eco.contracts.identity.Role.AUDITOR;
import static cn.gov.eco.contracts.identity.Role.CASE_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.CREDIT_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.ENTERPRISE;
import static cn.gov.eco.contracts.identity.Role.HEARING_HOST;
import static cn.gov.eco.contracts.identity.Role.LEGAL_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.OFFICER;

/** Online credit repair for the enterprise: what is missing, the commitment text, applying, supplementing, withdrawing. */
@RestController
@RequestMapping("/api")
@Tag(name = "credit repair (enterprise)", description = "信用修复在线申请")
public class RepairController {

    private final RepairApplications repair;

    public RepairController(RepairApplications repair) {
        this.repair = repair;
    }

    @GetMapping("/enterprises/{uscc}/repair-eligibility")
    @Access(roles = {ENTERPRISE, CREDIT_REVIEWER, OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST,
            AUDITOR}, scope = Access.Scope.ENTERPRISE)
    @Operation(summary = "每条公示信息尚未满足的修复条件与最早申请日 / unmet repair conditions and the earliest date")
    public EligibilityView eligibility(Actor actor, @PathVariable String uscc) {
        return repair.eligibility(actor, uscc);
    }

    @GetMapping("/enterprises/{uscc}/repair-commitment")
    @Access(roles = {ENTERPRISE, CREDIT_REVIEWER, OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST,
            AUDITOR}, scope = Access.Scope.ENTERPRISE)
    @Operation(summary = "须签署的信用承诺书文本、版本与SHA-256 / the published credit-commitment text to accept")
    public CreditCommitment commitment(Actor actor, @PathVariable String uscc) {
        return repair.commitment(actor, uscc);
    }

    @PostMapping(path = "/enterprises/{uscc}/repair-applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Access(roles = {ENTERPRISE}, changesState = true, scope = Access.Scope.ENTERPRISE)
    @Operation(summary = "提交信用修复申请（申请表JSON部分 application，材料 materials）/ submit a repair application",
            description = "201 RECEIVED; 422 problem+json BLOCKED with every unmet condition (stored, not pending, "
                    + "no file kept); 400/413 bad form or materials (nothing stored); 403 another enterprise.")
    @ResponseStatus(HttpStatus.CREATED) // the 2xx the OpenAPI document names (ResponseEntity.created)
    public ResponseEntity<?> submit(Actor actor, @PathVariable String uscc,
                                    @RequestPart("application") SubmitRequest application,
                                    @RequestPart(value = "materials", required = false) List<MultipartFile> materials) {
        var submission = repair.submit(actor, uscc, application, uploads(materials));
        var a = submission.view().application();
        URI location = URI.create("/api/enterprises/" + a.uscc() + "/repair-applications/" + a.applicationId());
        if (!submission.blocked()) {
            return ResponseEntity.created(location).body(submission.view());
        }
        ProblemDetail p = ProblemHandler.problem(HttpStatus.UNPROCESSABLE_CONTENT, "REPAIR_APPLICATION_BLOCKED",
                "信用修复申请未通过预检：" + String.join("；", a.blockedReasons().stream().map(r -> r.messageZh()).toList()),
                "the repair application is blocked: " + String.join("; ",
                        a.blockedReasons().stream().map(r -> r.messageEn()).toList()));
        p.setTitle("Unprocessable request");
        p.setProperty("titleZh", "申请未通过预检");
        p.setProperty("applicationId", a.applicationId());
        p.setProperty("status", a.status().name());
        p.setProperty("reasons", a.blockedReasons());
        p.setProperty("earliestApplicationDate", a.earliestApplicationDate());
        p.setInstance(location);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @GetMapping("/enterprises/{uscc}/repair-applications")
    @Access(roles = {ENTERPRISE, CREDIT_REVIEWER, AGENCY_HEAD, AUDITOR}, scope = Access.Scope.ENTERPRISE)
    @Operation(summary = "本企业的信用修复申请 / the enterprise's repair applications")
    public ApplicationList list(Actor actor, @PathVariable String uscc) {
        return repair.list(actor, uscc);
    }

    @GetMapping("/enterprises/{uscc}/repair-applications/{applicationId}")
    @Access(roles = {ENTERPRISE, CREDIT_REVIEWER, AGENCY_HEAD, AUDITOR}, scope = Access.Scope.ENTERPRISE)
    @Operation(summary = "一件信用修复申请及其办理期限 / one application with its limits and overdue flags")
    public ApplicationView get(Actor actor, @PathVariable String uscc, @PathVariable String applicationId) {
        return repair.get(actor, uscc, applicationId);
    }

    @PostMapping(path = "/enterprises/{uscc}/repair-applications/{applicationId}/supplement",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Access(roles = {ENTERPRISE}, changesState = true, scope = Access.Scope.ENTERPRISE)
    @Operation(summary = "补正材料并重新提交 / supplement the materials and resubmit")
    public ApplicationView supplement(Actor actor, @PathVariable String uscc, @PathVariable String applicationId,
                                      @RequestPart(value = "statement", required = false) String statement,
                                      @RequestPart(value = "materials", required = false) List<MultipartFile> materials) {
        return repair.resubmit(actor, uscc, applicationId, statement, uploads(materials));
    }

    @PostMapping("/enterprises/{uscc}/repair-applications/{applicationId}/withdrawal")
    @Access(roles = {ENTERPRISE}, changesState = true, scope = Access.Scope.ENTERPRISE)
    @Operation(summary = "撤回申请 / withdraw the application")
    public ApplicationView withdraw(Actor actor, @PathVariable String uscc, @PathVariable String applicationId) {
        return repair.withdraw(actor, uscc, applicationId);
    }

    private static List<Upload> uploads(List<MultipartFile> files) {
        List<Upload> out = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                try {
                    out.add(new Upload(f.getOriginalFilename(), f.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }
}
