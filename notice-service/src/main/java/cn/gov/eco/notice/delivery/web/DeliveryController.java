package cn.gov.eco.notice.delivery.web;

import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository;
import cn.gov.eco.notice.delivery.infrastructure.DocumentStore;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.notice.delivery.model.ServedDocument;
import cn.gov.eco.platform.web.ProblemException;
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

/** The dual delivery of a case and its two PDFs. */
@RestController
@RequestMapping("/api/deliveries")
public class DeliveryController {

    private final DeliveryRepository deliveries;
    private final DocumentStore documents;

    public DeliveryController(DeliveryRepository deliveries, DocumentStore documents) {
        this.deliveries = deliveries;
        this.documents = documents;
    }

    public record DocumentLink(String kind, String kindZh, String documentId, String documentNumber, String sha256,
                               String href) {
    }

    public record DeliveryView(DualDelivery delivery, boolean conforming, List<DocumentLink> documents) {
    }

    @GetMapping("/{caseId}")
    public DeliveryView get(@PathVariable String caseId) {
        DualDelivery d = deliveries.find(caseId).orElseThrow(() -> ProblemException.notFound("送达 delivery", caseId));
        return new DeliveryView(d, d.conforming(), d.documents().stream().map(x -> link(caseId, x)).toList());
    }

    @GetMapping(value = "/{caseId}/documents/{documentId}")
    public ResponseEntity<byte[]> document(@PathVariable String caseId, @PathVariable String documentId) {
        DualDelivery d = deliveries.find(caseId).orElseThrow(() -> ProblemException.notFound("送达 delivery", caseId));
        ServedDocument doc = d.documents().stream().filter(x -> x.documentId().equals(documentId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("文书 document", documentId));
        byte[] pdf = documents.content(documentId).orElseThrow(() -> ProblemException.notFound("文书 document", documentId));
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
