package cn.gov.eco.platform.publicity;

import cn.gov.eco.platform.calendar.ExplainedDate;

import java.time.LocalDate;

/**
 * The publicity of one penalty decision as the rule set in force on the decision date sets it: whether it is
 * published, from when, its minimum and maximum end, the earliest repair application date and the day publication
 * stops by itself — each date with its derivation.
 *
 * @param published               false for a minor-tier decision that the rule set does not publish by default
 * @param minPeriodEnd            null when the tier has no minimum period (minor: repairable once obligations are met)
 * @param transitional            true when the decision falls under a rule set that has since been replaced, so the
 *                                transition treatment needs legal confirmation (DOMAIN.md §0, §9 #23)
 */
public record PublicityPlan(SeverityTier tier, String ruleSetId, String ruleSetNameZh, boolean published,
                            LocalDate publicityStart, ExplainedDate minPeriodEnd, ExplainedDate maxPeriodEnd,
                            ExplainedDate earliestApplicationDate, ExplainedDate autoStopDate, boolean transitional) {
}
