package cn.gov.eco.credit.publicity.web;

import cn.gov.eco.credit.publicity.application.PublicityQueries;
import cn.gov.eco.credit.publicity.application.PublicityQueries.PublicityRecords;
import cn.gov.eco.platform.security.Access;
import cn.gov.eco.platform.security.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

/** An enterprise's publicity records: how long each penalty stays public and when it may apply for repair. */
@RestController
@RequestMapping("/api/enterprises")
public class PublicityController {

    private final PublicityQueries queries;

    public PublicityController(PublicityQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{uscc}/publicity-records")
    @Access(roles = {CREDIT_REVIEWER, OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, AUDITOR,
            ENTERPRISE}, scope = Access.Scope.ENTERPRISE)
    public PublicityRecords list(Actor actor, @PathVariable String uscc) {
        return queries.ofEnterprise(actor, uscc);
    }
}
