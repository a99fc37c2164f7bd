package cn.gov.eco.credit.repair.web;

import cn.gov.eco.credit.repair.application.RepairApplications;
import cn.gov.eco.credit.repair.application.RepairApplications.ApplicationView;
import cn.gov.eco.credit.repair.application.RepairApplications.DecisionRequest;
import cn.gov.eco.credit.repair.application.RepairApplications.Queue;
import cn.gov.eco.platform.security.Access;
import cn.gov.eco.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

import static cn.gov.eco.contracts.identity.Role.AGENCY_HEAD;
import static cn.gov.eco.contracts.identity.Role.AUDITOR;
import static cn.gov.eco.contracts.identity.Role.CREDIT_REVIEWER;

/** The credit administrator's (认定单位) side: the review queue and the review steps. Never an enterprise user. */
@RestController
@RequestMapping("/api/repair-applications")
@Tag(name = "credit repair (review)", description = "信用修复审核")
public class RepairReviewController {

    private final RepairApplications repair;

    public RepairReviewController(RepairApplications repair) {
        this.repair = repair;
    }

    @GetMapping
    @Access(roles = {CREDIT_REVIEWER, AGENCY_HEAD, AUDITOR})
    @Operation(summary = "待办队列：超期在前，其次最早提交 / review queue, overdue first, then oldest")
    public Queue queue(Actor actor) {
        return repair.queue(actor);
    }

    @GetMapping("/{applicationId}")
    @Access(roles = {CREDIT_REVIEWER, AGENCY_HEAD, AUDITOR})
    @Operation(summary = "一件申请 / one application")
    public ApplicationView get(Actor actor, @PathVariable String applicationId) {
        return repair.review(actor, applicationId);
    }

    @GetMapping("/{applicationId}/materials/{fileId}")
    @Access(roles = {CREDIT_REVIEWER, AGENCY_HEAD, AUDITOR})
    @Operation(summary = "申请材料原件 / one file of the materials, as uploaded")
    public ResponseEntity<byte[]> material(Actor actor, @PathVariable String applicationId,
                                           @PathVariable String fileId) {
        var m = repair.material(actor, applicationId, fileId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(m.material().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(m.material().filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(m.content());
    }

    @PostMapping("/{applicationId}/decisions")
    @Access(roles = {CREDIT_REVIEWER}, changesState = true)
    @Operation(summary = "审核操作 / a review step",
            description = "action: ACCEPT, NOT_ACCEPT, REQUEST_SUPPLEMENT, EXTEND, APPROVE, DENY, REVOKE; reason "
                    + "required except for ACCEPT and APPROVE. 409 for a step the state machine does not allow.")
    public ApplicationView decide(Actor actor, @PathVariable String applicationId,
                                  @RequestBody DecisionRequest request) {
        return repair.decide(actor, applicationId, request);
    }
}
