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

    /** 最短公示期届满: repairable from the earliest application date (or not, T27); the enterprise's reminder. */
    public static final EventType PUBLICITY_MINIMUM_PERIOD_ELAPSED =
            EventType.of("credit", "PublicityMinimumPeriodElapsed", 1);

    /** 公示期满: publication stopped by itself the day after the maximum end (T31). */
    public static final EventType PUBLICITY_EXPIRED = EventType.of("credit", "PublicityExpired", 1);

    /** 撤回公示: the decision was revoked or changed (行政处罚法 第四十八条, T14), with the reason and the deadline. */
    public static final EventType PUBLICITY_WITHDRAWN = EventType.of("credit", "PublicityWithdrawn", 1);

    /** 信用修复终止公示: the repair was approved. */
    public static final EventType PUBLICITY_TERMINATED_BY_REPAIR = EventType.of("credit", "PublicityTerminatedByRepair", 1);

    /** 恢复公示: repair revoked (until the original maximum end) or the amended decision published. */
    public static final EventType PUBLICITY_REPUBLISHED = EventType.of("credit", "PublicityRepublished", 1);

    /** 企业环境信用等级变更: from, to, score and reason (Fujian dynamic evaluation). */
    public static final EventType CREDIT_LEVEL_CHANGED = EventType.of("credit", "CreditLevelChanged", 1);

    /** 监管等级变更: inspection frequency, 驻点帮扶 and the fast lane, from the level and the positive list. */
    public static final EventType SUPERVISION_TIER_CHANGED = EventType.of("credit", "SupervisionTierChanged", 1);

    /** 企业信用状态 (compacted topic): the enterprise's current level, score, supervision and open records. */
    public static final EventType ENTERPRISE_CREDIT_STATUS = EventType.of("credit", "EnterpriseCreditStatus", 1);

    private EventTypes() {
    }
}
