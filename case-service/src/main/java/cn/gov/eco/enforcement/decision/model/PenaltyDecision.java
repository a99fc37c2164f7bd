package cn.gov.eco.enforcement.decision.model;

import cn.gov.eco.platform.publicity.ClassifiedPlan;
import cn.gov.eco.platform.publicity.NonRepairableDesignation;
import cn.gov.eco.platform.publicity.PublicityClassifier;
import cn.gov.eco.platform.publicity.SeverityTier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * 行政处罚决定: a recorded penalty decision with the contents 《行政处罚法》第五十九条 requires of the decision
 * document (party, facts and evidence, provisions, penalties, issuing agency and date). How and by when to perform
 * and the remedies are printed by notice-service from the served date.
 *
 * @param nonRepairable 特定严重失信 designated by the deciding officer with its legal basis, or null
 */
public record PenaltyDecision(String caseId, String decisionId, String documentNumber, LocalDate decisionDate,
                              Enterprise enterprise, List<Penalty> penalties, SeverityTier severityTier, String facts,
                              List<String> evidence, String violatedProvision, String penaltyBasisProvision,
                              String discretionStatement, String issuingAgency, Instant recordedAt,
                              NonRepairableDesignation nonRepairable) {

    public PenaltyDecision {
        Objects.requireNonNull(caseId);
        Objects.requireNonNull(documentNumber);
        penalties = List.copyOf(penalties);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /**
     * The decision's publicity plan, classified once here at the decision by the platform's one classification and
     * carried in {@code PenaltyDecided}: what the notice prints and what the record opens with.
     */
    public ClassifiedPlan publicityPlan(PublicityClassifier classifier) {
        return classifier.classify(severityTier, penalties.stream().map(p -> p.type().name()).toList(), decisionDate,
                nonRepairable);
    }

    /** The sum of the fines (罚款) of the decision; zero if it imposes none. */
    public BigDecimal totalFine() {
        return penalties.stream().filter(p -> p.type() == PenaltyType.FINE).map(Penalty::amount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
