package cn.gov.eco.credit.publicity.application;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/**
 * credit-service's reading of {@code DecisionRevoked.v1} and {@code DecisionAmended.v1} (enforcement.case.v1): a
 * decision revoked or changed, with the T14 deadline case-service computed; {@code amended} only for a change.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionOutcomeMessage(String caseId, String decisionId, String documentNumber, String uscc,
                                     String source, String outcome, LocalDate effectiveDate, String reason,
                                     Amended amended, WithdrawBy withdrawBy) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Amended(String severityTier, List<String> penaltyTypes, String totalFine) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WithdrawBy(LocalDate date, String explanationZh, String explanationEn) {
    }

    public boolean complete() {
        return caseId != null && uscc != null && source != null && effectiveDate != null && reason != null
                && withdrawBy != null && withdrawBy.date() != null;
    }

    public boolean completeAmendment() {
        return complete() && amended != null && amended.severityTier() != null && amended.penaltyTypes() != null;
    }
}
