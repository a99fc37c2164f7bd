package cn.gov.eco.notice.delivery.application;

import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.notice.delivery.model.ServiceAct;
import cn.gov.eco.notice.delivery.model.ServiceProof;

import java.time.Instant;
import java.util.List;

/**
 * 送达回证: what the service receipt of a served delivery records (《民事诉讼法》第八十七条至第八十九条; DOMAIN.md §3):
 * BOTH documents on one receipt (两书同达), the method, the date, who received it and in what capacity, the refusal
 * and witness of a service left at the premises, and for electronic service the channel, address, consent and the
 * channel's arrival time. Every receipt is kept in the case file (MEE 2010 rule Art. 57).
 */
public record ServiceReceipt(String caseId, String actId, String recipientName, String recipientUscc,
                             List<Line> documents, String method, String methodZh, String servedDate,
                             Instant servedAt, boolean deemed, String signerName, String signerRoleZh,
                             String refusalReason, String witness, String entrustedOrgan,
                             String forwardingInstitution, String trackingNumber, String channel, String address,
                             String consentId, String platformMessageId, String publicNoticeMedium,
                             String publicNoticePublishedOn, String deemedExplanationZh, List<String> evidenceIds,
                             String recordedBy, Instant recordedAt) {

    /** One document on the receipt: its name and number. */
    public record Line(String nameZh, String documentNumber) {
    }

    public static ServiceReceipt of(DualDelivery d) {
        ServiceAct a = d.serviceAct();
        ServiceProof p = a.proof();
        var pn = a.publicNotice();
        return new ServiceReceipt(d.caseId(), a.actId(), d.enterpriseName(), d.uscc(),
                d.documents().stream().map(x -> new Line(x.kind().nameZh(), x.documentNumber())).toList(),
                a.method().name(), a.method().nameZh(), a.servedDate().toString(), a.servedAt(), a.deemed(),
                p == null ? null : p.signerName(),
                p == null || p.signerRole() == null ? null : p.signerRole().nameZh(),
                p == null ? null : p.refusalReason(),
                p == null || p.witnessName() == null ? null : p.witnessName() + "（" + p.witnessOrganisation() + "）",
                p == null ? null : p.entrustedOrgan(), p == null ? null : p.forwardingInstitution(),
                p == null ? null : p.trackingNumber(), a.channel(), a.address(), a.consentId(),
                a.platformMessageId(), pn == null ? null : pn.medium(),
                pn == null ? null : pn.publishedOn().toString(),
                pn == null ? null : pn.deemedServedOn().explanationZh(),
                p != null ? p.evidenceIds() : pn != null ? pn.evidenceIds() : List.of(), a.recordedBy(),
                a.recordedAt());
    }
}
