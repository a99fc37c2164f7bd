package cn.gov.eco.credit.repair.application;

import cn.gov.eco.platform.calendar.ExplainedDate;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.LocalDate;

/** credit-service's tolerant readings of the events the repair feature consumes (only the fields it needs). */
public final class RepairMessages {

    private RepairMessages() {
    }

    /** {@code PublicityOpened.v1} (credit.publicity.v1). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PublicityOpened(String uscc, String recordId, String caseId, String enterpriseName,
                                  String decisionDocumentNumber, LocalDate decisionDate, String severityTier,
                                  String ruleSetId, String status, ExplainedDate minPeriodEnd,
                                  ExplainedDate maxPeriodEnd, ExplainedDate earliestApplicationDate) {
        public boolean complete() {
            return uscc != null && recordId != null && status != null;
        }
    }

    /**
     * The publicity feature's later transitions of a record ({@code PublicityMinimumPeriodElapsed},
     * {@code PublicityWithdrawn}, {@code PublicityExpired}, {@code PublicityTerminatedByRepair},
     * {@code PublicityRepublished}): each carries the record's new status, which is all the repair facts need.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PublicityStatusChanged(String uscc, String recordId, String status) {
        public boolean complete() {
            return uscc != null && recordId != null && status != null;
        }
    }

    /** {@code PublicityNotPublished.v1}: a minor-tier record, repairable as soon as the obligations are met. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PublicityNotPublished(String uscc, String recordId, String caseId, String enterpriseName,
                                        String decisionDocumentNumber, LocalDate decisionDate, String severityTier,
                                        String ruleSetId) {
        public boolean complete() {
            return uscc != null && recordId != null;
        }
    }

    /** {@code PenaltyDecided.v1}: only whether a fine is owed at all. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PenaltyDecided(String caseId, String documentNumber, Enterprise enterprise, BigDecimal totalFine) {
        public boolean complete() {
            return caseId != null && enterprise != null && enterprise.uscc() != null && totalFine != null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Enterprise(String uscc) {
    }

    /** {@code FinePaid.v1}: a payment and what is still owed, fine and surcharge. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FinePaid(String caseId, String documentNumber, String uscc, String paymentId, LocalDate paidDate,
                           BigDecimal totalPaid, BigDecimal outstanding, Boolean fullyPaid, Integer instalment) {
        public boolean complete() {
            return caseId != null && paymentId != null && paidDate != null && totalPaid != null
                    && outstanding != null && fullyPaid != null;
        }
    }

    /** {@code RectificationVerified.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RectificationVerified(String caseId, String documentNumber, String uscc, LocalDate verifiedDate) {
        public boolean complete() {
            return caseId != null && verifiedDate != null;
        }
    }

    /** {@code DecisionRevoked.v1}: the decision is gone, so is the information to repair (《行政处罚法》第四十八条). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DecisionRevoked(String caseId, String uscc, String documentNumber) {
        public boolean complete() {
            return caseId != null;
        }
    }

    /** {@code RepairApproved.v1} and {@code RepairRevoked.v1} read back by the facts (the record's repair state). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RepairDecided(String uscc, String applicationId, String recordId, LocalDate revokedDate,
                                LocalDate reapplicationBarredUntil) {
        public boolean complete() {
            return recordId != null;
        }
    }
}
