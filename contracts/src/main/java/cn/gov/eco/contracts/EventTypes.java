package cn.gov.eco.contracts;

/** The versioned event types of the public contract. {@code ce_type} = {@code cn.gov.eco.<domain>.<Name>.v<N>}. */
public final class EventTypes {

    /** 行政处罚决定作出: a penalty decision was recorded; carries everything needed to render the decision. */
    public static final EventType PENALTY_DECIDED = EventType.of("enforcement", "PenaltyDecided", 1);

    /** 不予行政处罚决定作出 (行政处罚法 第三十三条): no publicity, no credit-level change follow. */
    public static final EventType NO_PENALTY_DECIDED = EventType.of("enforcement", "NoPenaltyDecided", 1);

    /** 罚款缴纳: a payment (full or an instalment) with what is still owed, fine and surcharge. */
    public static final EventType FINE_PAID = EventType.of("enforcement", "FinePaid", 1);

    /** 整改完成核查: an officer verified the ordered rectification; a condition of credit repair. */
    public static final EventType RECTIFICATION_VERIFIED = EventType.of("enforcement", "RectificationVerified", 1);

    /** 处罚决定撤销: revoked, void or confirmed illegal; publicity withdrawn within 3 working days. */
    public static final EventType DECISION_REVOKED = EventType.of("enforcement", "DecisionRevoked", 1);

    /** 处罚决定变更: amended; the old content's publicity withdrawn within 3 working days. */
    public static final EventType DECISION_AMENDED = EventType.of("enforcement", "DecisionAmended", 1);

    /** 结案: the case is closed, with its outcome. */
    public static final EventType CASE_CLOSED = EventType.of("enforcement", "CaseClosed", 1);

    /** 两书 prepared: both documents rendered and numbered, not yet served. */
    public static final EventType DUAL_DELIVERY_PREPARED = EventType.of("notice", "DualDeliveryPrepared", 1);

    /** 两书同达 completed: both documents served in one act; the served (or deemed-served) time starts the clocks. */
    public static final EventType DUAL_DELIVERY_COMPLETED = EventType.of("notice", "DualDeliveryCompleted", 1);

    /** 公示开始: the penalty is published as credit information with its minimum and maximum end. */
    public static final EventType PUBLICITY_OPENED = EventType.of("credit", "PublicityOpened", 1);

    /** 不予公示: a minor-tier penalty that the rule set does not publish by default. */
    public static final EventType PUBLICITY_NOT_PUBLISHED = EventType.of("credit", "PublicityNotPublished", 1);

    /** 信用修复申请通过: the named publicity record ends by repair; sync and level re-evaluation follow. */
    public static final EventType REPAIR_APPROVED = EventType.of("credit", "RepairApproved", 1);

    /** 信用修复撤销: false materials; the record is republished and re-application barred. */
    public static final EventType REPAIR_REVOKED = EventType.of("credit", "RepairRevoked", 1);

    /** 送达尝试: an attempt at serving both documents started, was taken by the channel, or failed (next method). */
    public static final EventType DELIVERY_ATTEMPTED = EventType.of("notice", "DeliveryAttempted", 1);

    /** 送达超期: the decision was not served within 7 working days of the decision date (T2). */
    public static final EventType DELIVERY_OVERDUE = EventType.of("notice", "DeliveryOverdue", 1);

    /** 两书未同达: one document reported served apart from the other; an alert for the legal reviewer. */
    public static final EventType DELIVERY_NONCONFORMING = EventType.of("notice", "DeliveryNonconforming", 1);

    private EventTypes() {
    }
}
