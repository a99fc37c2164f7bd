package cn.gov.eco.notice.delivery.model;

import cn.gov.eco.platform.calendar.ExplainedDate;

import java.util.List;
import java.util.Objects;

/**
 * 两书同达: the penalty decision and the repair-rights notice, served together in one act (国办发〔2025〕22号:
 * 送达行政处罚决定书时同步送达信用修复告知书). The model holds both documents or none, and at most one act of
 * service for the pair, so a service of one document without the other cannot be represented.
 *
 * @param serveBy the last day to serve the decision when the party is absent: 7 working days
 *                (《行政处罚法》第六十一条、第八十五条)
 */
public record DualDelivery(String deliveryId, String caseId, String uscc, String enterpriseName,
                           ServedDocument decision, ServedDocument notice, ExplainedDate serveBy, Status status,
                           ServiceAct serviceAct) {

    public DualDelivery {
        Objects.requireNonNull(decision, "the penalty decision");
        Objects.requireNonNull(notice, "the repair-rights notice: 两书同达 serves both or neither");
        if (decision.kind() != DocumentKind.PENALTY_DECISION || notice.kind() != DocumentKind.REPAIR_RIGHTS_NOTICE) {
            throw new IllegalArgumentException("a dual delivery is one penalty decision and one repair-rights notice");
        }
        if ((status == Status.SERVED) != (serviceAct != null)) {
            throw new IllegalArgumentException("a served delivery has exactly one act of service, others none");
        }
    }

    public enum Status { PREPARED, SERVED }

    public static DualDelivery prepared(String caseId, String uscc, String enterpriseName, ServedDocument decision,
                                        ServedDocument notice, ExplainedDate serveBy) {
        return new DualDelivery(caseId, caseId, uscc, enterpriseName, decision, notice, serveBy, Status.PREPARED, null);
    }

    /** Serves both documents in one act. */
    public DualDelivery served(ServiceAct act) {
        if (status == Status.SERVED) {
            throw new IllegalStateException("delivery " + deliveryId + " is already served");
        }
        return new DualDelivery(deliveryId, caseId, uscc, enterpriseName, decision, notice, serveBy, Status.SERVED,
                act);
    }

    public List<ServedDocument> documents() {
        return List.of(decision, notice);
    }

    /** Conforming: both documents on this one act, hence on one date. */
    public boolean conforming() {
        return status == Status.SERVED;
    }
}
