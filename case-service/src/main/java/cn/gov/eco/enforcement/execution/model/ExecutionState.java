package cn.gov.eco.enforcement.execution.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * The case states after the decision (DOMAIN.md §8.3 PenaltyCase): {@code DECIDED → EXECUTING → PERFORMED → CLOSED},
 * {@code EXECUTING → OVERDUE → REMINDER_SERVED → COURT_ENFORCEMENT_REQUESTED → CLOSED}, and from any of them
 * {@code REVOKED} or {@code AMENDED} after reconsideration, litigation or self-correction.
 */
public enum ExecutionState {
    DECIDED,
    /** 执行中: served, the payment clock runs. */
    EXECUTING,
    /** 逾期: the due date passed unpaid; the surcharge accrues daily. */
    OVERDUE,
    /** 已催告 (行政强制法 第五十四条). */
    REMINDER_SERVED,
    /** 已申请人民法院强制执行 (行政强制法 第五十三条). */
    COURT_ENFORCEMENT_REQUESTED,
    /** 已履行: the money is paid in full; rectification still to be verified. */
    PERFORMED,
    /** 结案. */
    CLOSED,
    /** 决定已撤销 (or void, or confirmed illegal). */
    REVOKED,
    /** 决定已变更: execution goes on under the amended content. */
    AMENDED;

    private static final Set<ExecutionState> OPEN = EnumSet.of(EXECUTING, OVERDUE, REMINDER_SERVED,
            COURT_ENFORCEMENT_REQUESTED, PERFORMED, AMENDED);

    /** Served and neither closed nor revoked: payments, rectification and remedy outcomes can be recorded. */
    public boolean open() {
        return OPEN.contains(this);
    }

    public static ExecutionState of(String stored) {
        try {
            return valueOf(stored);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null; // a state before the decision, owned by the case-flow feature
        }
    }
}
