package cn.gov.eco.platform.publicity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * Publicity settings ({@code platform.publicity.*}), one prefix for every service, shipped once in the platform's
 * {@code platform-publicity.yml} (a service may override a key; credit-service then flags any record whose served plan
 * its configuration would no longer give): the rule sets by effective date with their periods in months, whether
 * minor-tier information is published by default, and the classification lists that DOMAIN.md leaves to the sector
 * and local rules. Without any configured rule set the DOMAIN.md defaults apply (Order 58 [U] to 2026-03-31, Order
 * 36 / 国办发〔2025〕22号 from 2026-04-01).
 *
 * @param publishMinorTier  Order 36 原则上不予公示, 22号 可以不予公示: default false
 * @param ruleSets          e.g. {@code platform.publicity.rule-sets[0].rule-set-id=NDRC-ORDER-58}; empty = defaults
 * @param tierByPenaltyType [I] T26: a penalty type's own tier when it is longer than the decision's
 * @param sectorRules       minor-tier publication by sector rule (22号 item 二)
 * @param nonRepairable     泉州 特定严重失信 (T27) by configured rule [U which violations]; a decision can also be
 *                          designated non-repairable by the deciding officer
 */
@ConfigurationProperties("platform.publicity")
public record PublicityProperties(boolean publishMinorTier, List<PublicityPeriodParameters> ruleSets,
                                  Map<String, SeverityTier> tierByPenaltyType,
                                  List<ClassificationRules.SectorRule> sectorRules,
                                  ClassificationRules.NonRepairableRule nonRepairable) {

    public PublicityProperties {
        ruleSets = ruleSets == null ? List.of() : List.copyOf(ruleSets);
    }

    public PublicityDateRules dateRules() {
        return ruleSets.isEmpty() ? PublicityDateRules.defaults() : new PublicityDateRules(ruleSets);
    }

    public ClassificationRules classificationRules() {
        return new ClassificationRules(tierByPenaltyType, sectorRules, nonRepairable);
    }
}
