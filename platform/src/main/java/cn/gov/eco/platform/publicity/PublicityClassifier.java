package cn.gov.eco.platform.publicity;

import java.time.LocalDate;
import java.util.List;

/**
 * The one place a penalty decision's publicity is classified and planned (DOMAIN.md §4.1, §8.4 T23–T28, T31), with one
 * configuration ({@code platform.publicity.*}, shipped in the platform's {@code platform-publicity.yml}).
 * case-service calls it once, at the decision, and the result ({@link ClassifiedPlan}) travels with the events:
 * notice-service prints it, credit-service opens the record from it. credit-service calls it again only to check
 * that its own configuration would still give the plan that was served, and flags any difference for a legal
 * reviewer — it never publishes the recomputed plan instead of the served one.
 */
public class PublicityClassifier {

    private final PublicityPeriods periods;
    private final ClassificationRules rules;
    private final boolean publishMinorByDefault;

    public PublicityClassifier(PublicityPeriods periods, ClassificationRules rules, boolean publishMinorByDefault) {
        this.periods = periods;
        this.rules = rules;
        this.publishMinorByDefault = publishMinorByDefault;
    }

    public PublicityPeriods periods() {
        return periods;
    }

    /**
     * @param declared     the tier set on the decision
     * @param penaltyTypes the decision's penalty types ({@code PenaltyType} names)
     * @param designation  特定严重失信 designated on the decision, or null
     */
    public ClassifiedPlan classify(SeverityTier declared, List<String> penaltyTypes, LocalDate decisionDate,
                                   NonRepairableDesignation designation) {
        return rules.classify(periods, declared, penaltyTypes, decisionDate, publishMinorByDefault, designation);
    }
}
