package cn.gov.eco.enforcement.execution.model;

import cn.gov.eco.platform.calendar.ExplainedDate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What execution announces to the other services (mapped to the integration events of {@code enforcement.case.v1}
 * in the infrastructure; the event id, sequence and time are assigned when they are written with the change).
 */
public sealed interface ExecutionEvent {

    /** 罚款缴纳: a payment and the account as of its date. */
    record FinePaid(Payment payment, PaymentAccount account, Integer instalment, LocalDate dueDate)
            implements ExecutionEvent {
    }

    /** 整改完成核查. */
    record RectificationVerified(Execution.Rectification rectification) implements ExecutionEvent {
    }

    /** 处罚决定撤销, with the T14 withdrawal date. */
    record DecisionRevoked(Execution.RemedyOutcome outcome, ExplainedDate withdrawBy) implements ExecutionEvent {
    }

    /** 处罚决定变更, with the T14 withdrawal date. */
    record DecisionAmended(Execution.RemedyOutcome outcome, ExplainedDate withdrawBy) implements ExecutionEvent {
    }

    /** 结案. */
    record CaseClosed(LocalDate closedDate, Outcome outcome) implements ExecutionEvent {
        public enum Outcome { PERFORMED, COURT_ENFORCEMENT }
    }

    /** 逾期未缴: a due date passed unpaid (for dashboards). */
    record PaymentOverdue(ExplainedDate dueDate, PaymentAccount account) implements ExecutionEvent {
    }

    /** 暂缓缴纳批准 (for dashboards). */
    record PaymentDeferred(Execution.Deferral deferral, ExplainedDate deferredUntil, BigDecimal fine)
            implements ExecutionEvent {
    }

    /** 分期缴纳批准 (for dashboards). */
    record InstalmentPlanApproved(Execution.InstalmentPlan plan, List<Due> schedule, BigDecimal fine)
            implements ExecutionEvent {
    }

    /** 催告书送达 (for dashboards). */
    record ReminderServed(Execution.Reminder reminder, ExplainedDate reminderPeriodEnd,
                          ExplainedDate courtApplicationDeadline) implements ExecutionEvent {
    }

    /** 申请人民法院强制执行 (for dashboards). */
    record CourtEnforcementRequested(Execution.CourtEnforcement request, ExplainedDate deadline)
            implements ExecutionEvent {
    }
}
