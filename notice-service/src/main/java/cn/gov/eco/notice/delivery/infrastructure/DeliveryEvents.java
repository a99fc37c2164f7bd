package cn.gov.eco.notice.delivery.infrastructure;

import cn.gov.eco.platform.publicity.ClassifiedPlan;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.notice.delivery.infrastructure.DeliveryRepository.NewEvent;
import cn.gov.eco.notice.delivery.model.DecisionFacts;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.notice.delivery.model.IrregularService;
import cn.gov.eco.notice.delivery.model.ServedDocument;
import cn.gov.eco.notice.delivery.model.ServiceAttempt;
import cn.gov.eco.platform.calendar.ExplainedDate;

import java.time.Instant;
import java.util.List;

/**
 * The integration events of {@code notice.delivery.v1} (schemas in the contracts module), mapped from the delivery
 * model: the domain model knows nothing of the topic's shapes.
 */
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

    /** @param publicityPlan the plan classified at the decision and printed in the notice served (copied as is) */
    public record DecisionV1(String documentNumber, String decisionDate, String severityTier,
                             List<String> penaltyTypes, String totalFine, ClassifiedPlan publicityPlan) {
    }

    public record ServiceActV1(String actId, String method, Instant servedAt, String servedDate, boolean deemed,
                               String channel) {
    }

    /** {@code cn.gov.eco.notice.DeliveryAttempted.v1}: an attempt started, was taken by the channel, or failed. */
    public record DeliveryAttemptedV1(String caseId, String deliveryId, String uscc, int attemptNumber, String method,
                                      String outcome, Instant at, String channel, String platformMessageId,
                                      String failureReason, String failedOn, String nextMethod,
                                      String deemedServedOn) {
    }

    /** {@code cn.gov.eco.notice.DeliveryOverdue.v1}: not served by the last day (T2). */
    public record DeliveryOverdueV1(String caseId, String deliveryId, String uscc, String decisionNumber,
                                    String decisionDate, ExplainedDate serveBy, String status, Instant detectedAt) {
    }

    /** {@code cn.gov.eco.notice.DeliveryNonconforming.v1}: one document reported served apart from the other. */
    public record DeliveryNonconformingV1(String caseId, String deliveryId, String uscc, String decisionNumber,
                                          List<ReportV1> reports, List<String> documentsNotServed,
                                          List<String> alertRoles, Instant reportedAt) {
    }

    public record ReportV1(String document, String method, String servedOn, boolean valid, String invalidReason) {
    }

    /** Outcomes of {@link DeliveryAttemptedV1}. */
    public enum AttemptOutcome { STARTED, SENT, FAILED, PUBLISHED }

    public static NewEvent prepared(DualDelivery d, Instant at) {
        return new NewEvent(EventTypes.DUAL_DELIVERY_PREPARED, new DualDeliveryPreparedV1(d.caseId(), d.deliveryId(),
                d.uscc(), docs(d), d.serveBy(), at));
    }

    public static NewEvent completed(DualDelivery d) {
        var act = d.serviceAct();
        DecisionFacts f = d.decisionFacts();
        return new NewEvent(EventTypes.DUAL_DELIVERY_COMPLETED, new DualDeliveryCompletedV1(d.caseId(),
                d.deliveryId(), d.uscc(), d.enterpriseName(),
                new DecisionV1(f.documentNumber(), f.decisionDate().toString(), f.severityTier(), f.penaltyTypes(),
                        f.totalFine(), f.publicityPlan()),
                docs(d),
                new ServiceActV1(act.actId(), act.method().name(), act.servedAt(), act.servedDate().toString(),
                        act.deemed(), act.channel()),
                d.conforming()));
    }

    public static NewEvent attempted(DualDelivery d, ServiceAttempt a, AttemptOutcome outcome, Instant at) {
        return new NewEvent(EventTypes.DELIVERY_ATTEMPTED, new DeliveryAttemptedV1(d.caseId(), d.deliveryId(),
                d.uscc(), a.number(), a.method().name(), outcome.name(), at,
                a.electronic() == null ? null : a.electronic().channel(), a.platformMessageId(),
                a.failureReason() == null ? null : a.failureReason().name(),
                a.failedOn() == null ? null : a.failedOn().toString(),
                outcome == AttemptOutcome.FAILED && d.recommendedMethod() != null ? d.recommendedMethod().name() : null,
                a.publicNotice() == null ? null : a.publicNotice().deemedServedOn().date().toString()));
    }

    public static NewEvent overdue(DualDelivery d, Instant at) {
        DecisionFacts f = d.decisionFacts();
        return new NewEvent(EventTypes.DELIVERY_OVERDUE, new DeliveryOverdueV1(d.caseId(), d.deliveryId(), d.uscc(),
                d.decision().documentNumber(), f == null ? null : f.decisionDate().toString(), d.serveBy(),
                d.status().name(), at));
    }

    public static NewEvent nonconforming(DualDelivery d, Instant at) {
        List<ReportV1> reports = d.irregularServices().stream().map(DeliveryEvents::report).toList();
        List<String> notServed = d.documents().stream().map(ServedDocument::kind)
                .filter(k -> d.irregularServices().stream().noneMatch(r -> r.document() == k && r.valid()))
                .map(Enum::name).toList();
        return new NewEvent(EventTypes.DELIVERY_NONCONFORMING, new DeliveryNonconformingV1(d.caseId(),
                d.deliveryId(), d.uscc(), d.decision().documentNumber(), reports, notServed,
                List.of("LEGAL_REVIEWER"), at));
    }

    private static ReportV1 report(IrregularService r) {
        return new ReportV1(r.document().name(), r.method().name(), r.servedOn().toString(), r.valid(),
                r.invalidReason());
    }

    private static List<DocumentV1> docs(DualDelivery d) {
        return d.documents().stream().map(DocumentV1::of).toList();
    }
}
