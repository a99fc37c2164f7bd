package cn.gov.eco.credit.level.model;

import cn.gov.eco.platform.publicity.SeverityTier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A penalty as the evaluation counts it. A penalty known only from a later event (a repair approved before the
 * decision reached this service) has {@code decided == false} and counts nothing until the decision arrives.
 *
 * @param deduction             points for it, fixed when it was decided (or amended)
 * @param vetoReason            why it is a one-vote veto, or null
 * @param repairApplicationId   the approved repair of its publicity, or null
 * @param rectificationVerified the day an officer verified the rectification, or null
 * @param servedDate            the day the decision was served (两书同达 completed): an administrative penalty decision
 *                              takes effect when served, and so do its credit consequences (DOMAIN.md §0.2); null
 *                              while it is not served
 */
public record CountedPenalty(String caseId, boolean decided, String documentNumber, LocalDate decisionDate,
                             SeverityTier tier, List<String> penaltyTypes, BigDecimal deduction, String vetoReason,
                             boolean revoked, String repairApplicationId, LocalDate rectificationVerified,
                             LocalDate servedDate) {

    public CountedPenalty {
        penaltyTypes = penaltyTypes == null ? List.of() : List.copyOf(penaltyTypes);
        deduction = deduction == null ? BigDecimal.ZERO : deduction;
    }

    static CountedPenalty unknown(String caseId) {
        return new CountedPenalty(caseId, false, null, null, null, List.of(), BigDecimal.ZERO, null, false, null, null,
                null);
    }

    /** 22号: after a repair, the credit evaluation is updated — once the rectification is verified too (§8.3). */
    public boolean restored() {
        return repairApplicationId != null && rectificationVerified != null;
    }

    /** The points it takes now: none when revoked; the configured remainder when restored [I]. */
    /**
     * Whether it counts in the evaluation at all: decided, not revoked, and in effect — served (DOMAIN.md §0.2), unless
     * a provincial rule counts it from the decision ({@code credit.level.count-from-decision}).
     */
    public boolean counts(LevelRules rules) {
        return decided && !revoked && (servedDate != null || rules.countFromDecision());
    }

    public BigDecimal effectiveDeduction(LevelRules rules) {
        if (!counts(rules)) {
            return BigDecimal.ZERO;
        }
        return restored() ? deduction.multiply(rules.repairRestoreFactor()).setScale(1, java.math.RoundingMode.HALF_UP)
                : deduction;
    }

    public boolean vetoes(LevelRules rules) {
        return counts(rules) && vetoReason != null && !(restored() && rules.vetoLiftedByRepair());
    }

    CountedPenalty revoke() {
        return new CountedPenalty(caseId, decided, documentNumber, decisionDate, tier, penaltyTypes, deduction,
                vetoReason, true, repairApplicationId, rectificationVerified,
                servedDate);
    }

    CountedPenalty amend(SeverityTier newTier, List<String> types, BigDecimal newDeduction) {
        return new CountedPenalty(caseId, decided, documentNumber, decisionDate, newTier, types, newDeduction,
                vetoReason, revoked, repairApplicationId, rectificationVerified, servedDate);
    }

    CountedPenalty repaired(String applicationId) {
        return new CountedPenalty(caseId, decided, documentNumber, decisionDate, tier, penaltyTypes, deduction,
                vetoReason, revoked, applicationId, rectificationVerified, servedDate);
    }

    CountedPenalty rectified(LocalDate on) {
        return new CountedPenalty(caseId, decided, documentNumber, decisionDate, tier, penaltyTypes, deduction,
                vetoReason, revoked, repairApplicationId, on, servedDate);
    }

    CountedPenalty decide(CountedPenalty decided) {
        return new CountedPenalty(caseId, true, decided.documentNumber, decided.decisionDate, decided.tier,
                decided.penaltyTypes, decided.deduction, decided.vetoReason, revoked, repairApplicationId,
                rectificationVerified, servedDate);
    }

    CountedPenalty served(LocalDate on) {
        return new CountedPenalty(caseId, decided, documentNumber, decisionDate, tier, penaltyTypes, deduction,
                vetoReason, revoked, repairApplicationId, rectificationVerified, on);
    }
}
