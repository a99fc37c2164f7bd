package cn.gov.eco.credit.level.web;

import cn.gov.eco.credit.level.application.CreditLevelQueries;
import cn.gov.eco.credit.level.application.CreditLevelQueries.CreditLevelView;
import cn.gov.eco.credit.level.application.CreditLevelQueries.PositiveListDecision;
import cn.gov.eco.platform.security.Access;
import cn.gov.eco.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
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

/** 企业环境信用等级: an enterprise's level, score and supervision with the history of changes and their reasons. */
@RestController
public class CreditLevelController {

    private final CreditLevelQueries queries;

    public CreditLevelController(CreditLevelQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/enterprises/{uscc}/credit-level")
    @Access(roles = {CREDIT_REVIEWER, OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, AUDITOR,
            ENTERPRISE}, scope = Access.Scope.ENTERPRISE)
    @Operation(summary = "企业环境信用等级 / the enterprise's credit level, score, supervision and the history of changes")
    public CreditLevelView level(Actor actor, @PathVariable String uscc) {
        return queries.view(actor, uscc);
    }

    @PutMapping("/api/enterprises/{uscc}/positive-list")
    @Access(roles = {AGENCY_HEAD}, changesState = true)
    @Operation(summary = "列入或移出正面清单 / put the enterprise on or take it off the positive list (agency head)")
    public CreditLevelView positiveList(Actor actor, @PathVariable String uscc,
                                        @RequestBody(required = false) PositiveListDecision body) {
        return queries.setPositiveList(actor, uscc, body);
    }
}
