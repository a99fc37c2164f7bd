package cn.gov.eco.credit.repair.model;

import cn.gov.eco.platform.calendar.ExplainedDate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the agency's own records say about one publicity record (one penalty decision), as far as credit repair is
 * concerned. Built only from events — the publicity record's dates and status, the decision's fine, the payments
 * and the verified rectification — never from the enterprise's word (国办发〔2025〕22号: agencies fetch the proof of
 * performance from their own systems). Applying the same event twice gives the same facts.
 *
 * @param publicityStatus the publicity record's status as last reported (null until PublicityOpened arrived)
 * @param totalFine       the fine of the decision (null until PenaltyDecided arrived; zero when no fine was imposed)
 * @param payments        by payment id, so a redelivered FinePaid changes nothing
 * @param barredUntil     the last day of a re-application bar after a repair revoked for false materials, or null
 * @param windowOpenedOn  the day RepairWindowOpened was raised for this record (once), or null
 */
public record RepairFacts(String recordId, String uscc, String caseId, String enterpriseName,
                          String decisionDocumentNumber, LocalDate decisionDate, String severityTier,
                          String publicityStatus, ExplainedDate minPeriodEnd, ExplainedDate earliestApplicationDate,
                          ExplainedDate maxPeriodEnd, String ruleSetId, BigDecimal totalFine,
                          Map<String, Payment> payments, LocalDate rectificationVerifiedOn, LocalDate barredUntil,
                          LocalDate windowOpenedOn) {

    public RepairFacts {
        Objects.requireNonNull(recordId, "recordId");
        payments = payments == null ? Map.of() : Map.copyOf(payments);
    }

    public static RepairFacts empty(String recordId) {
        return new RepairFacts(recordId, null, recordId, null, null, null, null, null, null, null, null, null, null,
                Map.of(), null, null, null);
    }

    /** Whether the publicity record itself (its dates) is known yet: facts of payment may arrive first. */
    public boolean publicityKnown() {
        return publicityStatus != null;
    }

    /**
     * The record as it was opened. A status already known is kept: it came from a later event (repaired, revoked…),
     * and the opening event redelivered or replayed after it must not move the record back.
     */
    public RepairFacts withPublicity(String uscc, String caseId, String enterpriseName, String documentNumber,
                                     LocalDate decisionDate, String tier, String status, ExplainedDate minEnd,
                                     ExplainedDate earliest, ExplainedDate maxEnd, String ruleSetId) {
        String kept = publicityStatus == null ? status : publicityStatus;
        return new RepairFacts(recordId, uscc, caseId, enterpriseName, documentNumber, decisionDate, tier, kept,
                minEnd, earliest, maxEnd, ruleSetId, totalFine, payments, rectificationVerifiedOn, barredUntil,
                windowOpenedOn);
    }

    public RepairFacts withPublicityStatus(String status) {
        return new RepairFacts(recordId, uscc, caseId, enterpriseName, decisionDocumentNumber, decisionDate,
                severityTier, status, minPeriodEnd, earliestApplicationDate, maxPeriodEnd, ruleSetId, totalFine,
                payments, rectificationVerifiedOn, barredUntil, windowOpenedOn);
    }

    public RepairFacts withDecision(String uscc, String documentNumber, BigDecimal fine) {
        return new RepairFacts(recordId, this.uscc == null ? uscc : this.uscc, caseId, enterpriseName,
                decisionDocumentNumber == null ? documentNumber : decisionDocumentNumber, decisionDate, severityTier,
                publicityStatus, minPeriodEnd, earliestApplicationDate, maxPeriodEnd, ruleSetId, fine, payments,
                rectificationVerifiedOn, barredUntil, windowOpenedOn);
    }

    public RepairFacts withPayment(String uscc, String documentNumber, Payment payment) {
        Map<String, Payment> all = new LinkedHashMap<>(payments);
        all.put(payment.paymentId(), payment);
        return new RepairFacts(recordId, this.uscc == null ? uscc : this.uscc, caseId, enterpriseName,
                decisionDocumentNumber == null ? documentNumber : decisionDocumentNumber, decisionDate, severityTier,
                publicityStatus, minPeriodEnd, earliestApplicationDate, maxPeriodEnd, ruleSetId, totalFine, all,
                rectificationVerifiedOn, barredUntil, windowOpenedOn);
    }

    public RepairFacts withRectificationVerified(String uscc, String documentNumber, LocalDate verifiedOn) {
        LocalDate first = rectificationVerifiedOn == null || verifiedOn.isBefore(rectificationVerifiedOn)
                ? verifiedOn : rectificationVerifiedOn;
        return new RepairFacts(recordId, this.uscc == null ? uscc : this.uscc, caseId, enterpriseName,
                decisionDocumentNumber == null ? documentNumber : decisionDocumentNumber, decisionDate, severityTier,
                publicityStatus, minPeriodEnd, earliestApplicationDate, maxPeriodEnd, ruleSetId, totalFine, payments,
                first, barredUntil, windowOpenedOn);
    }

    public RepairFacts withBarUntil(LocalDate until) {
        return new RepairFacts(recordId, uscc, caseId, enterpriseName, decisionDocumentNumber, decisionDate,
                severityTier, publicityStatus, minPeriodEnd, earliestApplicationDate, maxPeriodEnd, ruleSetId,
                totalFine, payments, rectificationVerifiedOn, until, windowOpenedOn);
    }

    public RepairFacts withWindowOpenedOn(LocalDate day) {
        return new RepairFacts(recordId, uscc, caseId, enterpriseName, decisionDocumentNumber, decisionDate,
                severityTier, publicityStatus, minPeriodEnd, earliestApplicationDate, maxPeriodEnd, ruleSetId,
                totalFine, payments, rectificationVerifiedOn, barredUntil, day);
    }

    /**
     * The latest state of payment: the payment with the most paid in total (payments only add up), the later one on
     * a tie. Events of one case arrive in order, but this does not rely on it.
     */
    public Optional<Payment> latestPayment() {
        return payments.values().stream().max(Comparator.comparing(Payment::totalPaid)
                .thenComparing(Payment::paidDate).thenComparing(p -> p.fullyPaid() ? 1 : 0));
    }
}
