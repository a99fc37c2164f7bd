package cn.gov.eco.notice.delivery.infrastructure;

import cn.gov.eco.notice.delivery.application.PenaltyDecidedMessage;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.notice.delivery.model.ServedDocument;
import cn.gov.eco.platform.calendar.ExplainedDate;

import java.time.Instant;
import java.util.List;

/** The integration events of {@code notice.delivery.v1} (schemas in the contracts module). */
public final class DeliveryEvents {

    private DeliveryEvents() {
    }

    public record DocumentV1(String kind, String documentId, String documentNumber, String sha256) {
        static DocumentV1 of(ServedDocument d) {
            return new DocumentV1(d.kind().name(), d.documentId(), d.documentNumber(), d.sha256());
        }
    }

    /** {@code cn.gov.eco.notice.DualDeliveryPrepared.v1} */
    public record DualDeliveryPreparedV1(String caseId, String deliveryId, String uscc, List<DocumentV1> documents,
                                         ExplainedDate serveBy, Instant preparedAt) {
    }

    /** {@code cn.gov.eco.notice.DualDeliveryCompleted.v1} */
    public record DualDeliveryCompletedV1(String caseId, String deliveryId, String uscc, String enterpriseName,
                                          DecisionV1 decision, List<DocumentV1> documents, ServiceActV1 serviceAct,
                                          boolean conforming) {
    }

    public record DecisionV1(String documentNumber, String decisionDate, String severityTier,
                             List<String> penaltyTypes, String totalFine) {
    }

    public record ServiceActV1(String actId, String method, Instant servedAt, String servedDate, boolean deemed,
                               String channel) {
    }

    static DualDeliveryPreparedV1 prepared(DualDelivery d, Instant at) {
        return new DualDeliveryPreparedV1(d.caseId(), d.deliveryId(), d.uscc(),
                d.documents().stream().map(DocumentV1::of).toList(), d.serveBy(), at);
    }

    static DualDeliveryCompletedV1 completed(DualDelivery d, PenaltyDecidedMessage m) {
        var act = d.serviceAct();
        return new DualDeliveryCompletedV1(d.caseId(), d.deliveryId(), d.uscc(), d.enterpriseName(),
                new DecisionV1(m.documentNumber(), m.decisionDate().toString(), m.severityTier(),
                        m.penalties().stream().map(PenaltyDecidedMessage.Penalty::type).toList(),
                        m.totalFine().setScale(2).toPlainString()),
                d.documents().stream().map(DocumentV1::of).toList(),
                new ServiceActV1(act.actId(), act.method().name(), act.servedAt(), act.servedDate().toString(),
                        act.deemed(), act.channel()),
                d.conforming());
    }
}
