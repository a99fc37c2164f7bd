package cn.gov.eco.enforcement.execution.model;

import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.calendar.StatutoryDateRules;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The dates and amounts of execution, every date computed by the platform calendar and carried as an
 * {@link ExplainedDate}: the payment due date (T10), deferred and instalment due dates, the surcharge (T11), the
 * reminder period (T13), the court application window (T12) and the publicity withdrawal date (T14).
 */
public final class ExecutionTerms {

    private final WorkingDayCalendar calendar;
    private final LatePaymentSurcharge surcharge;

    public ExecutionTerms(WorkingDayCalendar calendar, LatePaymentSurcharge surcharge) {
        this.calendar = calendar;
        this.surcharge = surcharge;
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    public LatePaymentSurcharge surcharge() {
        return surcharge;
    }

    /** T10: 15 calendar days after receipt of the decision, rolled off rest days [I] (行政处罚法 第六十七条第三款). */
    public ExplainedDate paymentDue(LocalDate servedDate) {
        return ExplainedDate.of(calendar.compute(StatutoryDateRules.T10_FINE_PAYMENT, "收到行政处罚决定书",
                "the penalty decision was received", servedDate));
    }

    /**
     * The amounts owed and their due dates: the approved instalments, else the (deferred or T10) whole fine. An
     * instalment plan that no longer adds up to the fine (the decision was amended since) lapses, and the amended
     * fine is due on the plan's last date [I]: no instalment becomes late by the amendment.
     */
    public List<Due> schedule(Execution e) {
        if (e.instalmentPlan() != null) {
            var plan = e.instalmentPlan();
            List<Due> dues = plan.instalments().stream().map(i -> new Due(i.number(), i.amount(),
                    ExplainedDate.of(calendar.compute(ExecutionDateRules.instalment(i.number(),
                                    days(plan.approvedOn(), i.dueDate())), "批准分期缴纳", "instalments were approved",
                            plan.approvedOn())))).toList();
            BigDecimal planned = dues.stream().map(Due::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (planned.compareTo(e.fine()) == 0) {
                return dues;
            }
            return List.of(new Due(null, e.fine(), dues.getLast().dueDate()));
        }
        if (e.deferral() != null) {
            var d = e.deferral();
            return List.of(new Due(null, e.fine(), ExplainedDate.of(calendar.compute(
                    ExecutionDateRules.deferral(days(d.approvedOn(), d.deferredUntil())), "批准暂缓缴纳",
                    "the deferral was approved", d.approvedOn()))));
        }
        return List.of(new Due(null, e.fine(), paymentDue(e.service().servedDate())));
    }

    public PaymentAccount account(Execution e, LocalDate asOf) {
        return PaymentAccount.of(schedule(e), e.payments(), asOf, surcharge);
    }

    /** T13: the court may be asked once 10 working days have passed since the reminder was served. */
    public ExplainedDate reminderPeriodEnd(LocalDate reminderServed) {
        return ExplainedDate.of(calendar.compute(ExecutionDateRules.T13_REMINDER, "催告书送达",
                "the payment reminder was served", reminderServed));
    }

    /**
     * The end of the periods to challenge the decision: 60 days for reconsideration (T16) and 6 months for
     * litigation (T18) from service, whichever ends later (行政强制法 第五十三条 runs from their expiry).
     */
    public ExplainedDate remedyPeriodsEnd(LocalDate servedDate) {
        var reconsideration = ExplainedDate.of(calendar.compute(StatutoryDateRules.T16_RECONSIDERATION,
                "收到行政处罚决定书", "the penalty decision was received", servedDate));
        var litigation = ExplainedDate.of(calendar.compute(StatutoryDateRules.T18_LITIGATION, "收到行政处罚决定书",
                "the penalty decision was received", servedDate));
        return litigation.date().isAfter(reconsideration.date()) ? litigation : reconsideration;
    }

    /**
     * T12: the last day to apply to the court, 3 months from the later of the remedy periods' end and the end of an
     * approved deferral or instalment period (行政强制法 第五十三条; 行政处罚法 第七十二条第二款).
     */
    public ExplainedDate courtApplicationDeadline(Execution e) {
        LocalDate from = remedyPeriodsEnd(e.service().servedDate()).date();
        String zh = "复议、诉讼期限届满";
        String en = "the reconsideration and litigation periods expired";
        LocalDate approvedEnd = e.instalmentPlan() != null ? e.instalmentPlan().lastDueDate()
                : e.deferral() != null ? e.deferral().deferredUntil() : null;
        if (approvedEnd != null && approvedEnd.isAfter(from)) {
            from = approvedEnd;
            zh = "暂缓或分期缴纳期限届满";
            en = "the approved deferral or instalment period ended";
        }
        return ExplainedDate.of(calendar.compute(ExecutionDateRules.T12_COURT_APPLICATION, zh, en, from));
    }

    /** T14: withdraw the published decision within 3 working days of the revocation or change taking effect. */
    public ExplainedDate withdrawBy(LocalDate effectiveDate, boolean revoked) {
        return ExplainedDate.of(calendar.compute(StatutoryDateRules.T14_WITHDRAW_PUBLICITY,
                revoked ? "撤销决定生效" : "变更决定生效",
                revoked ? "the revocation took effect" : "the change took effect", effectiveDate));
    }

    private static int days(LocalDate from, LocalDate to) {
        return Math.toIntExact(ChronoUnit.DAYS.between(from, to));
    }
}
