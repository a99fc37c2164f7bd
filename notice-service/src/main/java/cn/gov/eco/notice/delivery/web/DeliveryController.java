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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestHeader;
import cn.gov.eco.notice.delivery.application.ReceiptRendering;
import io.swagger.v3.oas.annotations.Operation;
import cn.gov.eco.notice.delivery.application.ServiceRecording;
import cn.gov.eco.notice.delivery.application.ServiceReceipt;
import cn.gov.eco.notice.delivery.model.ServiceProof;

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
    private final ServiceRecording recording;
    private final ReceiptRendering rendering;

    public DeliveryController(DeliveryQueries queries, ServiceRecording recording, ReceiptRendering rendering) {
        this.rendering = rendering;
        this.queries = queries;
        this.recording = recording;
    }

    public record DocumentLink(String kind, String kindZh, String documentId, String documentNumber, String sha256,
                               String href) {
    }

    /**
     * A delivery as people see it: {@code served} only when both documents were served in one act; a report of one
     * document served alone shows as {@code nonconforming}, never as served.
     */
    public record DeliveryView(DualDelivery delivery, boolean conforming, boolean served, boolean nonconforming,
                               boolean overdue, List<DocumentLink> documents) {

        public static DeliveryView of(DualDelivery d) {
            return new DeliveryView(d, d.conforming(), d.status() == DualDelivery.Status.SERVED, d.nonconforming(),
                    d.overdue(), d.documents().stream().map(x -> link(d.caseId(), x)).toList());
        }
    }

    /** One line of a reviewer's list. */
    public record FlaggedDelivery(String caseId, String uscc, String enterpriseName, String decisionNumber,
                                  String status, boolean nonconforming, boolean overdue, String serveBy,
                                  String recommendedMethod, String href) {
    }

    public record FlaggedList(String flag, List<FlaggedDelivery> deliveries) {
    }

    @GetMapping("/{caseId}")
    @Access(roles = {OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, CREDIT_REVIEWER, AUDITOR,
            ENTERPRISE}, scope = Access.Scope.ENTERPRISE)
    public DeliveryView get(Actor actor, @PathVariable String caseId) {
        return DeliveryView.of(queries.delivery(actor, caseId));
    }

    @Operation(summary = "送达回证 / the service receipt",
            description = "Both documents on one receipt, with the method, date, recipient and evidence; only for a "
                    + "served delivery. JSON, or the sealed PDF with Accept: application/pdf.")
    @GetMapping("/{caseId}/service-receipt")
    @Access(roles = {OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, CREDIT_REVIEWER, AUDITOR,
            ENTERPRISE}, scope = Access.Scope.ENTERPRISE)
    public ResponseEntity<?> receipt(Actor actor, @PathVariable String caseId,
                                     @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ServiceReceipt receipt = queries.receipt(actor, caseId);
        if (!wantsPdf(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(receipt);
        }
        byte[] pdf = rendering.renderReceipt(receipt);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("送达回证-" + receipt.documents().getFirst().documentNumber() + ".pdf",
                                StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    /** The PDF when the client asks for it ({@code Accept: application/pdf}); JSON otherwise, as before. */
    private static boolean wantsPdf(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            if (type.isCompatibleWith(MediaType.APPLICATION_PDF) && !type.isWildcardType()) {
                return true;
            }
        }
        return false;
    }

    @Operation(summary = "送达复核清单 / deliveries flagged for review",
            description = "NONCONFORMING: one document reported served apart from the other (not yet cured); "
                    + "OVERDUE: not served within 7 working days of the decision (T2).")
    @GetMapping("/review-queue")
    @Access(roles = {LEGAL_REVIEWER, AGENCY_HEAD, AUDITOR, OFFICER})
    public FlaggedList reviewQueue(@RequestParam(name = "flag") DeliveryQueries.Flag flag,
                                   @RequestParam(name = "limit", defaultValue = "100") int limit) {
        int n = Math.max(1, Math.min(limit, 500));
        return new FlaggedList(flag.name(), queries.flagged(flag, n).stream().map(d -> new FlaggedDelivery(
                d.caseId(), d.uscc(), d.enterpriseName(), d.decision().documentNumber(), d.status().name(),
                d.nonconforming(), d.overdue(), d.serveBy() == null ? null : d.serveBy().date().toString(),
                d.recommendedMethod() == null ? null : d.recommendedMethod().name(),
                "/api/deliveries/" + d.caseId())).toList());
    }

    @Operation(summary = "开始送达 / start serving both documents by one method",
            description = "ELECTRONIC needs the enterprise's valid e-service consent (民事诉讼法第九十条); DIRECT, "
                    + "POSTAL, ENTRUSTED, FORWARDED wait for the receipt.")
    @PostMapping("/{caseId}/attempts")
    @Access(roles = {OFFICER}, changesState = true)
    public DeliveryView startAttempt(Actor actor, @PathVariable String caseId,
                                     @RequestBody ServiceRecording.StartAttempt body) {
        return DeliveryView.of(recording.startAttempt(actor, caseId, body));
    }

    @Operation(summary = "录入送达回证 / record the receipt of a paper service of both documents",
            description = "Serves both documents in one act on the receipt's date: DIRECT, LEFT_WITH_WITNESS, "
                    + "ENTRUSTED, POSTAL (date on the return receipt), FORWARDED.")
    @PostMapping("/{caseId}/receipts")
    @Access(roles = {OFFICER}, changesState = true)
    public DeliveryView recordReceipt(Actor actor, @PathVariable String caseId, @RequestBody ServiceProof body) {
        return DeliveryView.of(recording.recordReceipt(actor, caseId, body));
    }

    @Operation(summary = "送达未成功 / the running attempt failed",
            description = "Kept in the attempt history; the next lawful method is recommended.")
    @PostMapping("/{caseId}/failures")
    @Access(roles = {OFFICER}, changesState = true)
    public DeliveryView recordFailure(Actor actor, @PathVariable String caseId,
                                      @RequestBody ServiceRecording.Failure body) {
        return DeliveryView.of(recording.recordFailure(actor, caseId, body));
    }

    @Operation(summary = "公告送达 / publish a public notice",
            description = "Only after another method failed (民事诉讼法第九十五条); deemed served 30 days after "
                    + "publication, 60 for a party with no domicile in China (第二百八十三条).")
    @PostMapping("/{caseId}/public-notice")
    @Access(roles = {OFFICER}, changesState = true)
    public DeliveryView publishPublicNotice(Actor actor, @PathVariable String caseId,
                                            @RequestBody ServiceRecording.PublicNoticeCommand body) {
        return DeliveryView.of(recording.publishPublicNotice(actor, caseId, body));
    }

    @Operation(summary = "报告单独送达一份文书 / report a service of one document apart from the other",
            description = "Recorded as a fact; the delivery is flagged nonconforming and the legal reviewer "
                    + "alerted; it is not served by it.")
    @PostMapping("/{caseId}/irregular-services")
    @Access(roles = {OFFICER}, changesState = true)
    public DeliveryView reportIrregular(Actor actor, @PathVariable String caseId,
                                        @RequestBody ServiceRecording.IrregularReport body) {
        return DeliveryView.of(recording.reportIrregular(actor, caseId, body));
    }

    @Operation(summary = "企业确认收到 / the enterprise confirms receipt",
            description = "Serves both documents only under direct service (signing on the officer's tablet); "
                    + "otherwise an acknowledgement.")
    @PostMapping("/{caseId}/confirmation")
    @Access(roles = {ENTERPRISE}, changesState = true, scope = Access.Scope.ENTERPRISE)
    public ServiceRecording.ConfirmationResult confirm(Actor actor, @PathVariable String caseId,
                                                       @RequestBody(required = false)
                                                       ServiceRecording.Confirmation body) {
        return recording.confirmReceipt(actor, caseId, body);
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
