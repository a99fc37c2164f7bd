package cn.gov.eco.credit.level.application;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/** The level feature's tolerant readers of the events it consumes (it reads only the fields it needs). */
public final class LevelMessages {

    private LevelMessages() {
    }

    /** {@code PenaltyDecided.v1} (enforcement.case.v1). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PenaltyDecided(String caseId, String documentNumber, LocalDate decisionDate, Enterprise enterprise,
                                 List<Penalty> penalties, String severityTier, String violatedProvision,
                                 String facts) {
        public boolean complete() {
            return caseId != null && enterprise != null && enterprise.uscc() != null && penalties != null
                    && severityTier != null;
        }

        public List<String> types() {
            return penalties.stream().map(Penalty::type).toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Enterprise(String uscc, String name) {
    }

    /** {@code DualDeliveryCompleted}: the decision was served on this date (it takes effect). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Served(String caseId, String uscc, String enterpriseName, ServiceAct serviceAct) {
        public boolean complete() {
            return caseId != null && uscc != null && serviceAct != null && serviceAct.servedDate() != null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServiceAct(LocalDate servedDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Penalty(String type) {
    }

    /** {@code DecisionRevoked.v1}, {@code DecisionAmended.v1}, {@code RectificationVerified.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseOutcome(String caseId, String uscc, String documentNumber, Amended amended,
                              LocalDate verifiedDate) {
        public boolean complete() {
            return caseId != null && uscc != null;
        }

        public boolean completeAmendment() {
            return complete() && amended != null && amended.severityTier() != null && amended.penaltyTypes() != null;
        }

        public boolean completeVerification() {
            return complete() && verifiedDate != null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Amended(String severityTier, List<String> penaltyTypes) {
    }

    /** {@code RepairApproved.v1}, {@code RepairRevoked.v1} (credit.repair.v1). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RepairDecision(String uscc, String caseId, String applicationId) {
        public boolean complete() {
            return uscc != null && caseId != null && applicationId != null;
        }
    }

    /** Any {@code credit.repair.v1} event about one application: whose, and which. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RepairApplicationState(String uscc, String applicationId) {
        public boolean complete() {
            return uscc != null && applicationId != null;
        }
    }

    /** Any {@code credit.publicity.v1} event: which record, and its status after the event. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PublicityState(String uscc, String recordId, String status) {
        public boolean complete() {
            return uscc != null && recordId != null;
        }
    }
}
