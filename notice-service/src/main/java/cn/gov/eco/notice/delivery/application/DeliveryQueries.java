package cn.gov.eco.notice.delivery.application;

import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository;
import cn.gov.eco.notice.delivery.infrastructure.DocumentStore;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.notice.delivery.model.ServedDocument;
import cn.gov.eco.platform.security.AccessPolicy;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.platform.web.ProblemException;

import java.util.List;

/**
 * Reading a delivery and its documents: agency staff read any, the enterprise served only its own (DOMAIN.md §8.2).
 */
public class DeliveryQueries {

    private final DeliveryRepository deliveries;
    private final DocumentStore documents;
    private final AccessPolicy policy;

    public DeliveryQueries(DeliveryRepository deliveries, DocumentStore documents, AccessPolicy policy) {
        this.deliveries = deliveries;
        this.documents = documents;
        this.policy = policy;
    }

    public record DocumentContent(ServedDocument document, byte[] pdf) {
    }

    public DualDelivery delivery(Actor actor, String caseId) {
        DualDelivery d = deliveries.find(caseId).orElseThrow(() -> ProblemException.notFound("送达记录", "delivery", caseId));
        policy.requireEnterprise(actor, "delivery " + caseId, d.uscc());
        return d;
    }

    /** What the reviewers watch (DOMAIN.md §8.3 flags): nonconforming or overdue deliveries, oldest first. */
    public enum Flag { NONCONFORMING, OVERDUE }

    public List<DualDelivery> flagged(Flag flag, int limit) {
        return deliveries.flagged(flag == Flag.NONCONFORMING ? "nonconforming" : "overdue", limit);
    }

    /** The 送达回证 of a served delivery; 404 while it is not served (there is no receipt for one document). */
    public ServiceReceipt receipt(Actor actor, String caseId) {
        DualDelivery d = delivery(actor, caseId);
        if (d.status() != DualDelivery.Status.SERVED) {
            throw ProblemException.notFound("送达回证（尚未送达）", "service receipt (not served yet)", caseId);
        }
        return ServiceReceipt.of(d);
    }

    public DocumentContent document(Actor actor, String caseId, String documentId) {
        DualDelivery d = delivery(actor, caseId);
        ServedDocument doc = d.documents().stream().filter(x -> x.documentId().equals(documentId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("文书", "document", documentId));
        byte[] pdf = documents.content(documentId)
                .orElseThrow(() -> ProblemException.notFound("文书", "document", documentId));
        return new DocumentContent(doc, pdf);
    }
}
