package cn.gov.eco.credit.publicity.model;

import cn.gov.eco.platform.publicity.PublicityPlan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 信用信息公示记录: the publicity of one penalty decision as credit information about one enterprise. Its id is the
 * case id: one record per decision, whatever the number of times the opening event is delivered.
 */
public record PublicityRecord(String recordId, String uscc, String enterpriseName, String caseId,
                              String decisionDocumentNumber, LocalDate decisionDate, LocalDate servedDate,
                              PublicityPlan plan, PublicityStatus status, Instant openedAt) {

    public PublicityRecord {
        Objects.requireNonNull(recordId);
        Objects.requireNonNull(uscc);
        Objects.requireNonNull(plan);
        Objects.requireNonNull(status);
    }
}
