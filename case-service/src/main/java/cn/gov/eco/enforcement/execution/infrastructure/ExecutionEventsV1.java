package cn.gov.eco.enforcement.execution.infrastructure;

import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.enforcement.execution.model.Execution;
import cn.gov.eco.enforcement.execution.model.ExecutionEvent;
import cn.gov.eco.platform.calendar.ExplainedDate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The integration events of execution on {@code enforcement.case.v1} (schemas in {@code contracts/schemas}); money
 * is a decimal string exact to the fen, dates ISO dates, computed dates {@link ExplainedDate}s.
 */
public final class ExecutionEventsV1 {

    private ExecutionEventsV1() {
    }

    /** {@code cn.gov.eco.enforcement.FinePaid.v1} */
    public record FinePaidV1(String caseId, String decisionId, String documentNumber, String uscc, String paymentId,
                             String paidDate, String amount, String fine, String surcharge, String totalPaid,
                             String outstanding, boolean fullyPaid, Integer instalment, String dueDate,
                             Instant recordedAt) {
    }

    /** {@code cn.gov.eco.enforcement.RectificationVerified.v1} */
    public record RectificationVerifiedV1(String caseId, String decisionId, String documentNumber, String uscc,
                                          String verifiedDate, String verifiedBy, String summary, Instant recordedAt) {
    }

    /** {@code cn.gov.eco.enforcement.DecisionRevoked.v1} */
    public record DecisionRevokedV1(String caseId, String decisionId, String documentNumber, String uscc,
                                    String source, String outcome, String effectiveDate, String reason,
                                    ExplainedDate withdrawBy, Instant recordedAt) {
    }

    /** {@code cn.gov.eco.enforcement.DecisionAmended.v1} */
    public record DecisionAmendedV1(String caseId, String decisionId, String documentNumber, String uscc,
                                    String source, String effectiveDate, String reason, AmendedV1 amended,
                                    ExplainedDate withdrawBy, Instant recordedAt) {
    }

    public record AmendedV1(String severityTier, List<String> penaltyTypes, String totalFine) {
    }

    /** {@code cn.gov.eco.enforcement.CaseClosed.v1} */
    public record CaseClosedV1(String caseId, String decisionId, String documentNumber, String uscc, String closedDate,
                               String outcome, Instant recordedAt) {
    }

    /** {@code cn.gov.eco.enforcement.PaymentOverdue.v1} */
    public record PaymentOverdueV1(String caseId, String decisionId, String documentNumber, String uscc,
                                   ExplainedDate dueDate, String asOf, String fine, String surchargeToDate,
                                   String outstanding, Instant recordedAt) {
    }

    /** {@code cn.gov.eco.enforcement.PaymentDeferred.v1} */
    public record PaymentDeferredV1(String caseId, String decisionId, String documentNumber, String uscc,
                                    String approvedDate, ExplainedDate deferredUntil, String fine, Instant recordedAt) {
    }

    /** {@code cn.gov.eco.enforcement.InstalmentPlanApproved.v1} */
    public record InstalmentPlanApprovedV1(String caseId, String decisionId, String documentNumber, String uscc,
                                           String approvedDate, String fine, List<InstalmentV1> instalments,
                                           Instant recordedAt) {
    }

    public record InstalmentV1(int number, String amount, ExplainedDate dueDate) {
    }

    /** {@code cn.gov.eco.enforcement.ReminderServed.v1} */
    public record ReminderServedV1(String caseId, String decisionId, String documentNumber, String uscc,
                                   String servedDate, String reminderDocumentNumber, ExplainedDate reminderPeriodEnd,
                                   ExplainedDate courtApplicationDeadline, Instant recordedAt) {
    }

    /** {@code cn.gov.eco.enforcement.CourtEnforcementRequested.v1} */
    public record CourtEnforcementRequestedV1(String caseId, String decisionId, String documentNumber, String uscc,
                                              String requestedDate, String court, ExplainedDate deadline,
                                              Instant recordedAt) {
    }

    /** An event type and its payload, ready to be raised into the outbox. */
    record Mapped(EventType type, Object payload) {
    }

    static Mapped map(Execution e, ExecutionEvent event, Instant at) {
        return switch (event) {
            case ExecutionEvent.FinePaid f -> new Mapped(EventTypes.FINE_PAID, new FinePaidV1(e.caseId(),
                    e.decisionId(), e.documentNumber(), e.uscc(), f.payment().paymentId(),
                    f.payment().paidDate().toString(), money(f.payment().amount()), money(f.account().fine()),
                    money(f.account().surcharge()), money(f.account().totalPaid()), money(f.account().outstanding()),
                    f.account().fullyPaid(), f.instalment(), f.dueDate() == null ? null : f.dueDate().toString(), at));
            case ExecutionEvent.RectificationVerified r -> new Mapped(EventTypes.RECTIFICATION_VERIFIED,
                    new RectificationVerifiedV1(e.caseId(), e.decisionId(), e.documentNumber(), e.uscc(),
                            r.rectification().verifiedDate().toString(), r.rectification().verifiedBy().userId(),
                            r.rectification().summary(), at));
            case ExecutionEvent.DecisionRevoked r -> new Mapped(EventTypes.DECISION_REVOKED, new DecisionRevokedV1(
                    e.caseId(), e.decisionId(), e.documentNumber(), e.uscc(), r.outcome().source().name(),
                    r.outcome().revocationOutcome(), r.outcome().effectiveDate().toString(), r.outcome().reason(),
                    r.withdrawBy(), at));
            case ExecutionEvent.DecisionAmended a -> new Mapped(EventTypes.DECISION_AMENDED, new DecisionAmendedV1(
                    e.caseId(), e.decisionId(), e.documentNumber(), e.uscc(), a.outcome().source().name(),
                    a.outcome().effectiveDate().toString(), a.outcome().reason(),
                    new AmendedV1(a.outcome().amended().severityTier(), a.outcome().amended().penaltyTypes(),
                            money(a.outcome().amended().totalFine())), a.withdrawBy(), at));
            case ExecutionEvent.CaseClosed c -> new Mapped(EventTypes.CASE_CLOSED, new CaseClosedV1(e.caseId(),
                    e.decisionId(), e.documentNumber(), e.uscc(), c.closedDate().toString(), c.outcome().name(), at));
            case ExecutionEvent.PaymentOverdue o -> new Mapped(EventTypes.PAYMENT_OVERDUE, new PaymentOverdueV1(
                    e.caseId(), e.decisionId(), e.documentNumber(), e.uscc(), o.dueDate(),
                    o.account().asOf().toString(), money(o.account().fine()), money(o.account().surcharge()),
                    money(o.account().outstanding()), at));
            case ExecutionEvent.PaymentDeferred d -> new Mapped(EventTypes.PAYMENT_DEFERRED, new PaymentDeferredV1(
                    e.caseId(), e.decisionId(), e.documentNumber(), e.uscc(), d.deferral().approvedOn().toString(),
                    d.deferredUntil(), money(d.fine()), at));
            case ExecutionEvent.InstalmentPlanApproved i -> new Mapped(EventTypes.INSTALMENT_PLAN_APPROVED,
                    new InstalmentPlanApprovedV1(e.caseId(), e.decisionId(), e.documentNumber(), e.uscc(),
                            i.plan().approvedOn().toString(), money(i.fine()), i.schedule().stream().map(d ->
                            new InstalmentV1(d.instalment(), money(d.amount()), d.dueDate())).toList(), at));
            case ExecutionEvent.ReminderServed r -> new Mapped(EventTypes.REMINDER_SERVED, new ReminderServedV1(
                    e.caseId(), e.decisionId(), e.documentNumber(), e.uscc(), r.reminder().servedDate().toString(),
                    r.reminder().documentNumber(), r.reminderPeriodEnd(), r.courtApplicationDeadline(), at));
            case ExecutionEvent.CourtEnforcementRequested c -> new Mapped(EventTypes.COURT_ENFORCEMENT_REQUESTED,
                    new CourtEnforcementRequestedV1(e.caseId(), e.decisionId(), e.documentNumber(), e.uscc(),
                            c.request().requestedDate().toString(), c.request().court(), c.deadline(), at));
        };
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }
}
