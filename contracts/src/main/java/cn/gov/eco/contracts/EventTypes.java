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

    /** 信用修复申请已受理登记: passed the pre-check, received; the acceptance clock starts. */
    public static final EventType REPAIR_APPLICATION_SUBMITTED = EventType.of("credit", "RepairApplicationSubmitted", 1);

    /** 信用修复申请未通过预检: an unmet condition; shown with the reasons and the earliest date. */
    public static final EventType REPAIR_APPLICATION_BLOCKED = EventType.of("credit", "RepairApplicationBlocked", 1);

    /** 信用修复申请已受理: the review starts, with its decision due date. */
    public static final EventType REPAIR_APPLICATION_ACCEPTED = EventType.of("credit", "RepairApplicationAccepted", 1);

    /** 信用修复申请不予受理: with the reason shown to the applicant. */
    public static final EventType REPAIR_APPLICATION_NOT_ACCEPTED = EventType.of("credit", "RepairApplicationNotAccepted", 1);

    /** 信用修复申请材料需补正: the applicant supplements and resubmits. */
    public static final EventType REPAIR_SUPPLEMENT_REQUESTED = EventType.of("credit", "RepairSupplementRequested", 1);

    /** 信用修复申请不予修复: with the reasons shown to the applicant. */
    public static final EventType REPAIR_DENIED = EventType.of("credit", "RepairDenied", 1);

    /** 信用修复结果已同步: the result reached the external credit platform (信用中国). */
    public static final EventType REPAIR_RESULT_SYNCED = EventType.of("credit", "RepairResultSynced", 1);

    /** 信用修复申请已撤回: withdrawn by the applicant. */
    public static final EventType REPAIR_APPLICATION_WITHDRAWN = EventType.of("credit", "RepairApplicationWithdrawn", 1);

    /** 信用修复申请窗口开启: every recorded condition met; the enterprise may apply from today. */
    public static final EventType REPAIR_WINDOW_OPENED = EventType.of("credit", "RepairWindowOpened", 1);
    /** 逾期未缴: a due date passed unpaid; the surcharge accrues (for dashboards). */
    public static final EventType PAYMENT_OVERDUE = EventType.of("enforcement", "PaymentOverdue", 1);

    /** 暂缓缴纳批准: the due date of the fine moves (行政处罚法 第六十六条). */
    public static final EventType PAYMENT_DEFERRED = EventType.of("enforcement", "PaymentDeferred", 1);

    /** 分期缴纳批准: instalments adding up to the fine, each with its due date (行政处罚法 第六十六条). */
    public static final EventType INSTALMENT_PLAN_APPROVED = EventType.of("enforcement", "InstalmentPlanApproved", 1);

    /** 催告书送达: with the dates the court may be asked from and by (行政强制法 第五十三条、第五十四条). */
    public static final EventType REMINDER_SERVED = EventType.of("enforcement", "ReminderServed", 1);

    /** 申请人民法院强制执行 (行政强制法 第五十三条). */
    public static final EventType COURT_ENFORCEMENT_REQUESTED = EventType.of("enforcement", "CourtEnforcementRequested", 1);
    /** 立案: a lead was filed with the head's approval; the 90-day decision deadline runs from the filing date. */
    public static final EventType CASE_FILED = EventType.of("enforcement", "CaseFiled", 1);

    /** 行政处罚事先告知书送达 (行政处罚法 第四十四条): the statement and, when owed, hearing-request windows start. */
    public static final EventType PRE_NOTICE_SERVED = EventType.of("enforcement", "PreNoticeServed", 1);

    /** 听证申请 (行政处罚法 第六十四条): the party asked for a hearing in time. */
    public static final EventType HEARING_REQUESTED = EventType.of("enforcement", "HearingRequested", 1);

    /** 听证举行 (行政处罚法 第六十四条、第六十五条): the hearing was held; legal review becomes mandatory. */
    public static final EventType HEARING_HELD = EventType.of("enforcement", "HearingHeld", 1);

    /** 法制审核申请 (行政处罚法 第五十八条): the case entered the legal-review queue. */
    public static final EventType LEGAL_REVIEW_REQUESTED = EventType.of("enforcement", "LegalReviewRequested", 1);

    /** 法制审核通过 (行政处罚法 第五十八条). */
    public static final EventType LEGAL_REVIEW_PASSED = EventType.of("enforcement", "LegalReviewPassed", 1);

    /** 法制审核退回 (行政处罚法 第五十八条): back to case review with the reviewer's opinion. */
    public static final EventType LEGAL_REVIEW_RETURNED = EventType.of("enforcement", "LegalReviewReturned", 1);

    /** 集体讨论决定 (行政处罚法 第五十七条第二款): the heads' collective discussion concluded, with minutes. */
    public static final EventType DELIBERATION_CONCLUDED = EventType.of("enforcement", "DeliberationConcluded", 1);
    /** 送达尝试: an attempt at serving both documents started, was taken by the channel, or failed (next method). */
    public static final EventType DELIVERY_ATTEMPTED = EventType.of("notice", "DeliveryAttempted", 1);

    /** 送达超期: the decision was not served within 7 working days of the decision date (T2). */
    public static final EventType DELIVERY_OVERDUE = EventType.of("notice", "DeliveryOverdue", 1);

    /** 两书未同达: one document reported served apart from the other; an alert for the legal reviewer. */
    public static final EventType DELIVERY_NONCONFORMING = EventType.of("notice", "DeliveryNonconforming", 1);
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

    /**
     * 送达期限重新核定: an open delivery's serve-by date (T2) was computed on a provisional calendar year; the official
     * year was loaded and the date recomputed (agency-owed: the official date applies, flagged when already past [I]).
     */
    public static final EventType SERVE_BY_REVISED = EventType.of("notice", "ServeByRevised", 1);

    /**
     * 工作日历年度核定: an official year of the working-day calendar (国务院办公厅部分节假日安排), approved by a second
     * calendar administrator; every service loads it and recomputes what it computed on the provisional year.
     */
    public static final EventType CALENDAR_REVISED = EventType.of("calendar", "CalendarRevised", 1);

    private EventTypes() {
    }
}
