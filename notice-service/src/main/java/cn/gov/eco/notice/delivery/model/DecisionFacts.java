package cn.gov.eco.notice.delivery.model;

import cn.gov.eco.platform.publicity.ClassifiedPlan;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the delivery keeps of the decision it serves: the facts {@code DualDeliveryCompleted} carries downstream, the
 * rule set the publicity plan used, and whether the decision was handed over on the spot.
 *
 * @param onTheSpot a decision announced to a party present (当场交付, 《行政处罚法》第六十一条第一款): no 7-working-day
 *                  watch
 * @param publicityPlan the publicity plan classified at the decision, as printed in the notice; carried on in
 *                      {@code DualDeliveryCompleted} (null in deliveries prepared before it was carried)
 */
public record DecisionFacts(String documentNumber, LocalDate decisionDate, String severityTier,
                            List<String> penaltyTypes, String totalFine, String ruleSetId, boolean onTheSpot,
                            ClassifiedPlan publicityPlan) {

    public DecisionFacts {
        Objects.requireNonNull(documentNumber);
        Objects.requireNonNull(decisionDate);
        penaltyTypes = List.copyOf(penaltyTypes);
    }
}
