package cn.gov.eco.platform.publicity;

import java.util.List;

/**
 * How a decision was classified for publicity: the tier the decision declared, the tier whose periods apply (the
 * longest of the decision's penalty types, T26), the sector rule on minor information and the non-repairable flag
 * (T27), each with its reason so the enterprise and the reviewer can see why.
 *
 * @param declaredTier           the tier set on the decision (by the credit administrator's classification)
 * @param appliedTier            the tier whose periods apply; higher than declared when a penalty type carries longer
 *                               ones
 * @param penaltyTypes           the decision's penalty types (《行政处罚法》第九条)
 * @param longestOf              the penalty type that set {@code appliedTier} when it differs from the declared one
 * @param sectorRuleId           the sector rule that decided whether minor information is published, or null
 * @param nonRepairable          特定严重失信: no repair during the whole publicity period (T27)
 * @param nonRepairableSource    {@code DECISION} when the deciding officer designated it (with its legal basis, checked
 *                               in legal review), {@code RULE} when a configured rule matched; null when repairable
 * @param nonRepairableLegalBasis the provision that makes the information non-repairable, as entered on the decision
 */
public record Classification(SeverityTier declaredTier, SeverityTier appliedTier, List<String> penaltyTypes,
                             String longestOf, String sectorRuleId, boolean minorPublished, boolean nonRepairable,
                             String nonRepairableReasonZh, String nonRepairableReasonEn, String nonRepairableSource,
                             String nonRepairableLegalBasis) {

    /** The officer designated the information non-repairable on the decision. */
    public static final String BY_DECISION = "DECISION";
    /** A configured rule ({@code platform.publicity.non-repairable}) matched. */
    public static final String BY_RULE = "RULE";

    public Classification {
        penaltyTypes = penaltyTypes == null ? List.of() : List.copyOf(penaltyTypes);
    }
}
