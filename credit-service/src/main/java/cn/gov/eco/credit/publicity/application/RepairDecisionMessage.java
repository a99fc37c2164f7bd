package cn.gov.eco.credit.publicity.application;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

/** credit-service's reading of {@code RepairApproved.v1} and {@code RepairRevoked.v1} (credit.repair.v1). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RepairDecisionMessage(String uscc, String applicationId, String recordId, String caseId,
                                    String decisionDocumentNumber, LocalDate approvedDate, LocalDate revokedDate,
                                    String reason, LocalDate reapplicationBarredUntil) {

    public boolean completeApproval() {
        return uscc != null && applicationId != null && recordId != null && approvedDate != null;
    }

    public boolean completeRevocation() {
        return uscc != null && applicationId != null && recordId != null && revokedDate != null && reason != null;
    }
}
