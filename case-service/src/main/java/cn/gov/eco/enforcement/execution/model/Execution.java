package cn.gov.eco.enforcement.execution.model;

import cn.gov.eco.platform.security.ActorRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 执行: what happens on a case after its decision is served — the payment clock, payments, deferral or instalments,
 * rectification, the reminder and court enforcement, and a later revocation or amendment. Immutable; each change
 * returns the next value, which the application writes with its record entry and events in one update.
 */
public record Execution(String caseId, String decisionId, String documentNumber, String uscc, BigDecimal originalFine,
                        Service service, Deferral deferral, InstalmentPlan instalmentPlan, List<Payment> payments,
                        Rectification rectification, Reminder reminder, CourtEnforcement courtEnforcement,
                        RemedyOutcome remedyOutcome, LocalDate closedDate) {

    public Execution {
        Objects.requireNonNull(caseId);
        Objects.requireNonNull(service);
        payments = payments == null ? List.of() : List.copyOf(payments);
    }

    /**
     * 两书同达: the act of service that starts the clocks. {@code eventId} is the {@code DualDeliveryCompleted}
     * event it came from (a redelivery finds it already recorded).
     */
    public record Service(LocalDate servedDate, Instant servedAt, String method, boolean deemed, String deliveryId,
                          String actId, String eventId) {
    }

    /** 暂缓缴纳 approved by the agency head (行政处罚法 第六十六条第二款). */
    public record Deferral(LocalDate approvedOn, LocalDate deferredUntil, String reason, ActorRef approvedBy) {
    }

    /** 分期缴纳 approved by the agency head (行政处罚法 第六十六条第二款): the instalments add up to the fine. */
    public record InstalmentPlan(LocalDate approvedOn, List<Instalment> instalments, String reason,
                                 ActorRef approvedBy) {
        public InstalmentPlan {
            instalments = List.copyOf(instalments);
        }

        public LocalDate lastDueDate() {
            return instalments.getLast().dueDate();
        }
    }

    public record Instalment(int number, BigDecimal amount, LocalDate dueDate) {
    }

    /** 责令改正 verified complete by an officer (行政处罚法 第二十八条第一款). */
    public record Rectification(LocalDate verifiedDate, String summary, ActorRef verifiedBy) {
    }

    /** 催告书 served (行政强制法 第三十五条、第五十四条). */
    public record Reminder(LocalDate servedDate, String documentNumber, ActorRef recordedBy) {
    }

    /** 申请人民法院强制执行 (行政强制法 第五十三条), and when the court's enforcement was completed. */
    public record CourtEnforcement(LocalDate requestedDate, String court, ActorRef requestedBy, LocalDate completedDate) {
    }

    /** Where a revocation or amendment came from (行政复议 / 行政诉讼 / 自行纠正). */
    public enum RemedySource { RECONSIDERATION, LITIGATION, SELF_CORRECTION }

    /** The decision after a reconsideration, a judgment or self-correction. */
    public record RemedyOutcome(Kind kind, RemedySource source, String revocationOutcome, LocalDate effectiveDate,
                                String reason, Amended amended, ActorRef recordedBy) {
        public enum Kind { REVOKED, AMENDED }
    }

    /** The amended decision's content, as credit-service needs it. */
    public record Amended(String severityTier, List<String> penaltyTypes, BigDecimal totalFine) {
        public Amended {
            penaltyTypes = List.copyOf(penaltyTypes);
        }
    }

    /** The fine now owed: the amended one after an amendment, else the decision's. */
    public BigDecimal fine() {
        if (remedyOutcome != null && remedyOutcome.kind() == RemedyOutcome.Kind.AMENDED) {
            return remedyOutcome.amended().totalFine();
        }
        return originalFine;
    }

    public boolean revoked() {
        return remedyOutcome != null && remedyOutcome.kind() == RemedyOutcome.Kind.REVOKED;
    }

    public Execution withPayment(Payment p) {
        List<Payment> next = new ArrayList<>(payments);
        next.add(p);
        return new Execution(caseId, decisionId, documentNumber, uscc, originalFine, service, deferral, instalmentPlan,
                next, rectification, reminder, courtEnforcement, remedyOutcome, closedDate);
    }

    public Execution withDeferral(Deferral d) {
        return new Execution(caseId, decisionId, documentNumber, uscc, originalFine, service, d, instalmentPlan,
                payments, rectification, reminder, courtEnforcement, remedyOutcome, closedDate);
    }

    public Execution withInstalmentPlan(InstalmentPlan plan) {
        return new Execution(caseId, decisionId, documentNumber, uscc, originalFine, service, deferral, plan,
                payments, rectification, reminder, courtEnforcement, remedyOutcome, closedDate);
    }

    public Execution withRectification(Rectification r) {
        return new Execution(caseId, decisionId, documentNumber, uscc, originalFine, service, deferral, instalmentPlan,
                payments, r, reminder, courtEnforcement, remedyOutcome, closedDate);
    }

    public Execution withReminder(Reminder r) {
        return new Execution(caseId, decisionId, documentNumber, uscc, originalFine, service, deferral, instalmentPlan,
                payments, rectification, r, courtEnforcement, remedyOutcome, closedDate);
    }

    public Execution withCourtEnforcement(CourtEnforcement c) {
        return new Execution(caseId, decisionId, documentNumber, uscc, originalFine, service, deferral, instalmentPlan,
                payments, rectification, reminder, c, remedyOutcome, closedDate);
    }

    public Execution withRemedyOutcome(RemedyOutcome o) {
        return new Execution(caseId, decisionId, documentNumber, uscc, originalFine, service, deferral, instalmentPlan,
                payments, rectification, reminder, courtEnforcement, o, closedDate);
    }

    public Execution closedOn(LocalDate date) {
        return new Execution(caseId, decisionId, documentNumber, uscc, originalFine, service, deferral, instalmentPlan,
                payments, rectification, reminder, courtEnforcement, remedyOutcome, date);
    }

    public LocalDate lastPaymentDate() {
        return payments.stream().map(Payment::paidDate).max(LocalDate::compareTo).orElse(null);
    }
}
