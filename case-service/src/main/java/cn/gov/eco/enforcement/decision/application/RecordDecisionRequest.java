package cn.gov.eco.enforcement.decision.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What an officer submits to record a penalty decision. Validated field by field before anything is stored. */
public record RecordDecisionRequest(EnterpriseDto enterprise, String documentNumber, LocalDate decisionDate,
                                    List<PenaltyDto> penalties, String severityTier, String facts,
                                    List<String> evidence, String violatedProvision, String penaltyBasisProvision,
                                    String discretionStatement, String issuingAgency) {

    public record EnterpriseDto(String uscc, String name, String address, String legalRepresentative) {
    }

    public record PenaltyDto(String type, BigDecimal amount, String description) {
    }
}
