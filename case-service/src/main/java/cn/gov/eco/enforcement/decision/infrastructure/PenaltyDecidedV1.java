package cn.gov.eco.enforcement.decision.infrastructure;

import cn.gov.eco.enforcement.decision.model.Penalty;
import cn.gov.eco.enforcement.decision.model.PenaltyDecision;
import cn.gov.eco.platform.publicity.ClassifiedPlan;

import java.time.Instant;
import java.util.List;

/**
 * The integration event {@code cn.gov.eco.enforcement.PenaltyDecided.v1} on {@code enforcement.case.v1}: everything
 * notice-service needs to render the decision document, and credit-service to classify the publicity. Schema:
 * {@code contracts/schemas/PenaltyDecided.v1.schema.json}. Money is a decimal string, exact to the fen.
 *
 * @param publicityPlan the publicity plan classified once at the decision (tier by decision and penalty type, rule
 *                      set by decision date, dates with their derivations, non-repairable): printed by
 *                      notice-service, opened by credit-service
 */
public record PenaltyDecidedV1(String caseId, String decisionId, String documentNumber, String decisionDate,
                               EnterpriseV1 enterprise, List<PenaltyV1> penalties, String totalFine,
                               String severityTier, String facts, List<String> evidence, String violatedProvision,
                               String penaltyBasisProvision, String discretionStatement, String issuingAgency,
                               Instant recordedAt, ClassifiedPlan publicityPlan) {

    /** @param usccStatus VALID, MANUALLY_VERIFIED or NEEDS_MANUAL_VERIFICATION (a code awaiting an officer) */
    public record EnterpriseV1(String uscc, String name, String address, String legalRepresentative,
                               String usccStatus) {
    }

    public record PenaltyV1(String type, String typeZh, String amount, String description) {
    }

    public static PenaltyDecidedV1 from(PenaltyDecision d, ClassifiedPlan publicityPlan) {
        var e = d.enterprise();
        return new PenaltyDecidedV1(d.caseId(), d.decisionId(), d.documentNumber(), d.decisionDate().toString(),
                new EnterpriseV1(e.uscc(), e.name(), e.address(), e.legalRepresentative(), e.usccStatus()),
                d.penalties().stream().map(PenaltyDecidedV1::penalty).toList(), d.totalFine().toPlainString(),
                d.severityTier().name(), d.facts(), d.evidence(), d.violatedProvision(), d.penaltyBasisProvision(),
                d.discretionStatement(), d.issuingAgency(), d.recordedAt(), publicityPlan);
    }

    private static PenaltyV1 penalty(Penalty p) {
        return new PenaltyV1(p.type().name(), p.type().nameZh(),
                p.amount() == null ? null : p.amount().setScale(2).toPlainString(), p.description());
    }
}
