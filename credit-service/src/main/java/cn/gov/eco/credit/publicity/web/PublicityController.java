package cn.gov.eco.credit.publicity.web;

import cn.gov.eco.credit.publicity.application.PublicityQueries;
import cn.gov.eco.credit.publicity.application.PublicityQueries.PublicityRecords;
import cn.gov.eco.credit.publicity.application.PublicityQueries.WorkList;
import cn.gov.eco.credit.publicity.model.PublicityRecord;
import cn.gov.eco.platform.security.Access;
import cn.gov.eco.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static cn.gov.eco.contracts.identity.Role.AGENCY_HEAD;
import static cn.gov.eco.contracts.identity.Role.AUDITOR;
import static cn.gov.eco.contracts.identity.Role.CASE_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.CREDIT_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.ENTERPRISE;
import static cn.gov.eco.contracts.identity.Role.HEARING_HOST;
import static cn.gov.eco.contracts.identity.Role.LEGAL_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.OFFICER;

/** An enterprise's publicity records: how long each penalty stays public and when it may apply for repair. */
@RestController
public class PublicityController {

    private final PublicityQueries queries;

    public PublicityController(PublicityQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/enterprises/{uscc}/publicity-records")
    @Access(roles = {CREDIT_REVIEWER, OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, AUDITOR,
            ENTERPRISE}, scope = Access.Scope.ENTERPRISE)
    @Operation(summary = "本企业的信用公示记录 / an enterprise's publicity records, every date with its derivation")
    public PublicityRecords list(Actor actor, @PathVariable String uscc) {
        return queries.ofEnterprise(actor, uscc);
    }

    @GetMapping("/api/publicity-records/withdrawals")
    @Access(roles = {CREDIT_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, AUDITOR})
    @Operation(summary = "撤回公示清单 / records withdrawn after a revoked or changed decision, with the 3-working-day"
            + " deadline (《行政处罚法》第四十八条) and whether it was met")
    public WorkList withdrawals() {
        return queries.withdrawals();
    }

    @GetMapping("/api/publicity-records/transitional")
    @Access(roles = {CREDIT_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, AUDITOR})
    @Operation(summary = "待确认的过渡期公示记录 / records under a replaced rule set awaiting legal confirmation")
    public WorkList transitional() {
        return queries.transitional();
    }

    @GetMapping("/api/publicity-records/plan-differences")
    @Access(roles = {CREDIT_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, AUDITOR})
    @Operation(summary = "公示方案差异待审核清单 / records opened as served whose plan this service's configuration"
            + " would now give differently, awaiting a legal reviewer")
    public WorkList planDifferences() {
        return queries.planDifferences();
    }

    @PostMapping("/api/publicity-records/{recordId}/plan-review")
    @Access(roles = {LEGAL_REVIEWER}, changesState = true)
    @Operation(summary = "法制审核人员审核公示方案差异 / a legal reviewer has reviewed the plan difference (the record"
            + " stays as served; a correction is a new notice served again)")
    public PublicityRecord reviewPlan(Actor actor, @PathVariable String recordId,
                                      @RequestBody(required = false) Confirmation body) {
        return queries.reviewPlan(actor, recordId, body == null ? null : body.note());
    }

    /** Optional note of the legal reviewer. */
    public record Confirmation(String note) {
    }

    @PostMapping("/api/publicity-records/{recordId}/transition-confirmation")
    @Access(roles = {LEGAL_REVIEWER}, changesState = true)
    @Operation(summary = "法制审核人员确认过渡期适用 / a legal reviewer confirms the transitional treatment")
    public PublicityRecord confirm(Actor actor, @PathVariable String recordId,
                                   @RequestBody(required = false) Confirmation body) {
        return queries.confirmTransition(actor, recordId, body == null ? null : body.note());
    }
}
