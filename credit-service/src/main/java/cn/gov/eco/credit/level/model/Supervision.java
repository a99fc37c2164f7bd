package cn.gov.eco.credit.level.model;

/**
 * The supervision an enterprise gets from its level and the positive list (泉环执法函〔2025〕1号, DOMAIN.md §5): how
 * many on-site inspections at most per period, quarterly on-site assistance (驻点帮扶) and the repair fast lane for
 * RED.
 *
 * @param tier the tier's code: the level's name, or {@code POSITIVE_LIST}
 */
public record Supervision(String tier, CreditLevel level, boolean positiveList, String inspectionFrequencyZh,
                          String inspectionFrequencyEn, int maxOnSiteInspections, int perMonths,
                          boolean onSiteAssistanceQuarterly, boolean repairFastLane) {
}
