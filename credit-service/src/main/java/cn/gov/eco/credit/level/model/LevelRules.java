package cn.gov.eco.credit.level.model;

import cn.gov.eco.platform.publicity.SeverityTier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fujian's dynamic environmental credit evaluation (福建省企业环境信用动态评价实施方案（试行）, 2019; DOMAIN.md §5):
 * a start score, points deducted per penalty, score bands, one-vote vetoes that set RED, and how a repair restores.
 * Every number is configuration: the bands are verified for the 2016 round only, the points per penalty and the
 * restoration rule are [U]/[I].
 *
 * @param startScore          score of an enterprise with no counted penalty [U] (e.g. 100)
 * @param greenFrom           ≥ this → GREEN (2016 round: 96) [V 2016, U 2019]
 * @param blueFrom            ≥ this → BLUE (70)
 * @param yellowFrom          ≥ this → YELLOW (60); below → RED
 * @param deductionByTier     points per penalty by its tier [U]
 * @param deductionByType     points per penalty type; the larger of the tier's and the types' applies [U][I]
 * @param vetoKeywords        a penalty whose facts or violated provision name one of these is a veto (私设暗管) [U]
 * @param vetoProvisions      violated provisions that are vetoes [U]
 * @param vetoPenaltyTypes    penalty types that are vetoes (e.g. 行政拘留 of a responsible person, 闽环保总队〔2018〕67号) [V-sec]
 * @param repairRestoreFactor [I] share of a repaired penalty's deduction that remains once the repair is approved and
 *                            the rectification verified: 0 = fully restored, 0.5 = half remains
 * @param vetoLiftedByRepair  [U] whether a repair with verified rectification lifts a veto (2016: red locked 1 year)
 * @param countFromDecision   false (default): a penalty counts from its service, when the decision takes effect
 *                            (DOMAIN.md §0.2); true only where a provincial rule counts it from the decision — then
 *                            configuration naming that rule
 */
public record LevelRules(BigDecimal startScore, BigDecimal greenFrom, BigDecimal blueFrom, BigDecimal yellowFrom,
                         Map<SeverityTier, BigDecimal> deductionByTier, Map<String, BigDecimal> deductionByType,
                         List<String> vetoKeywords, List<String> vetoProvisions, List<String> vetoPenaltyTypes,
                         BigDecimal repairRestoreFactor, boolean vetoLiftedByRepair, boolean countFromDecision) {

    public LevelRules {
        deductionByTier = deductionByTier == null ? Map.of() : Map.copyOf(deductionByTier);
        deductionByType = deductionByType == null ? Map.of() : Map.copyOf(deductionByType);
        vetoKeywords = vetoKeywords == null ? List.of() : List.copyOf(vetoKeywords);
        vetoProvisions = vetoProvisions == null ? List.of() : List.copyOf(vetoProvisions);
        vetoPenaltyTypes = vetoPenaltyTypes == null ? List.of() : List.copyOf(vetoPenaltyTypes);
        repairRestoreFactor = repairRestoreFactor == null ? BigDecimal.ZERO : repairRestoreFactor;
        if (repairRestoreFactor.signum() < 0 || repairRestoreFactor.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("repairRestoreFactor must be between 0 and 1");
        }
        if (greenFrom.compareTo(blueFrom) <= 0 || blueFrom.compareTo(yellowFrom) <= 0) {
            throw new IllegalArgumentException("score bands must decrease: green > blue > yellow");
        }
    }

    /** The score band (≥96 GREEN; [70,96) BLUE; [60,70) YELLOW; <60 RED), or RED on a veto. */
    public CreditLevel level(BigDecimal score, boolean veto) {
        if (veto) {
            return CreditLevel.RED;
        }
        if (score.compareTo(greenFrom) >= 0) {
            return CreditLevel.GREEN;
        }
        if (score.compareTo(blueFrom) >= 0) {
            return CreditLevel.BLUE;
        }
        if (score.compareTo(yellowFrom) >= 0) {
            return CreditLevel.YELLOW;
        }
        return CreditLevel.RED;
    }

    /** Points deducted for a penalty: the larger of its tier's and its types' [I]. */
    public BigDecimal deduction(SeverityTier tier, Collection<String> penaltyTypes) {
        BigDecimal d = deductionByTier.getOrDefault(tier, BigDecimal.ZERO);
        for (String t : penaltyTypes) {
            d = d.max(deductionByType.getOrDefault(t, BigDecimal.ZERO));
        }
        return d.setScale(1, RoundingMode.HALF_UP);
    }

    /** Why a penalty is a one-vote veto, or empty. */
    public Optional<String> veto(String violatedProvision, String facts, Collection<String> penaltyTypes) {
        for (String k : vetoKeywords) {
            if ((facts != null && facts.contains(k)) || (violatedProvision != null && violatedProvision.contains(k))) {
                return Optional.of(k);
            }
        }
        for (String p : vetoProvisions) {
            if (violatedProvision != null && violatedProvision.contains(p)) {
                return Optional.of(p);
            }
        }
        return penaltyTypes.stream().filter(vetoPenaltyTypes::contains).findFirst();
    }
}
