package cn.gov.eco.notice.delivery.web;

import cn.gov.eco.notice.delivery.application.DeliveryQueries;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.notice.delivery.model.ServedDocument;
import cn.gov.eco.platform.security.Access;
import cn.gov.eco.platform.security.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static cn.gov.eco.contracts.identity.Role.AGENCY_HEAD;
import static cn.gov.eco.contracts.identity.Role.AUDITOR;
import static cn.gov.eco.contracts.identity.Role.CASE_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.CREDIT_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.ENTERPRISE;
import static cn.gov.eco.contracts.identity.Role.HEARING_HOST;
import static cn.gov.eco.contracts.identity.Role.LEGAL_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.OFFICER;

/** The dual delivery of a case and its two PDFs. */
@RestController
@RequestMapping("/api/deliveries")
public class DeliveryController {

    private final DeliveryQueries queries;

    public DeliveryController(DeliveryQueries queries) {
        this.queries = queries;
    }

    public record DocumentLink(String kind, String kindZh, String documentId, String documentNumber, String sha256,
                               String href) {
    }

    public record DeliveryView(DualDelivery delivery, boolean conforming, List<DocumentLink> documents) {
    }

    @GetMapping("/{caseId}")
    @Access(roles = {OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, CREDIT_REVIEWER, AUDITOR,
            ENTERPRISE}, scope = Access.Scope.ENTERPRISE)
    public DeliveryView get(Actor actor, @PathVariable String caseId) {
        DualDelivery d = queries.delivery(actor, caseId);
        return new DeliveryView(d, d.conforming(), d.documents().stream().map(x -> link(caseId, x)).toList());
    }

    @GetMapping(value = "/{caseId}/documents/{documentId}")
    @Access(roles = {OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, CREDIT_REVIEWER, AUDITOR,
            ENTERPRISE}, scope = Access.Scope.ENTERPRISE)
    public ResponseEntity<byte[]> document(Actor actor, @PathVariable String caseId, @PathVariable String documentId) {
        var content = queries.document(actor, caseId, documentId);
        ServedDocument doc = content.document();
        byte[] pdf = content.pdf();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(doc.documentNumber() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.ETAG, "\"" + doc.sha256() + "\"")
                .body(pdf);
    }

    private static DocumentLink link(String caseId, ServedDocument d) {
        return new DocumentLink(d.kind().name(), d.kind().nameZh(), d.documentId(), d.documentNumber(), d.sha256(),
                "/api/deliveries/" + caseId + "/documents/" + d.documentId());
    }
}
