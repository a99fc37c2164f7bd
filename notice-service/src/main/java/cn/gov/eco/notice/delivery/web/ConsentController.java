package cn.gov.eco.notice.delivery.web;

import cn.gov.eco.notice.delivery.application.ConsentService;
import cn.gov.eco.notice.delivery.model.EServiceConsent;
import cn.gov.eco.platform.security.Access;
import cn.gov.eco.platform.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static cn.gov.eco.contracts.identity.Role.AGENCY_HEAD;
import static cn.gov.eco.contracts.identity.Role.AUDITOR;
import static cn.gov.eco.contracts.identity.Role.CASE_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.ENTERPRISE;
import static cn.gov.eco.contracts.identity.Role.LEGAL_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.OFFICER;

/** The enterprise's e-service consent (电子送达确认书 / 送达地址确认书). */
@RestController
@RequestMapping("/api/deliveries/consents")
public class ConsentController {

    private final ConsentService consents;

    public ConsentController(ConsentService consents) {
        this.consents = consents;
    }

    @Operation(summary = "查看电子送达确认书 / the enterprise's e-service consent and its history")
    @GetMapping("/{uscc}")
    @Access(roles = {OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, AUDITOR, ENTERPRISE},
            scope = Access.Scope.ENTERPRISE)
    public ConsentService.ConsentView get(Actor actor, @PathVariable String uscc) {
        return consents.view(actor, uscc);
    }

    @Operation(summary = "录入或签署电子送达确认书 / record or sign the e-service consent",
            description = "An officer records the signed 送达地址确认书 (signedOn, the uploaded scan's evidenceId); "
                    + "the enterprise signs online for its own USCC (signed today). Names the channel and address.")
    @PutMapping("/{uscc}")
    @Access(roles = {OFFICER, ENTERPRISE}, changesState = true, scope = Access.Scope.ENTERPRISE)
    public EServiceConsent record(Actor actor, @PathVariable String uscc,
                                  @RequestBody ConsentService.ConsentCommand body) {
        return consents.record(actor, uscc, body);
    }

    @Operation(summary = "撤回电子送达确认书 / revoke the e-service consent",
            description = "From now on nothing is served electronically on it; a service already made stays valid.")
    @DeleteMapping("/{uscc}")
    @Access(roles = {OFFICER, ENTERPRISE}, changesState = true, scope = Access.Scope.ENTERPRISE)
    public EServiceConsent revoke(Actor actor, @PathVariable String uscc) {
        return consents.revoke(actor, uscc);
    }
}
