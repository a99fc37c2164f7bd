package cn.gov.eco.platform.publicity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Publicity settings ({@code platform.publicity.*}): the rule sets by effective date with their periods in months,
 * and whether minor-tier information is published by default. The periods vary by rule-set version and a province or
 * sector may publish longer ones, so they are configuration; without any configured rule set the DOMAIN.md defaults
 * apply (Order 58 [U] to 2026-03-31, Order 36 / 国办发〔2025〕22号 from 2026-04-01).
 *
 * @param publishMinorTier Order 36 原则上不予公示, 22号 可以不予公示: default false
 * @param ruleSets         e.g. {@code platform.publicity.rule-sets[0].rule-set-id=NDRC-ORDER-58}; empty = defaults
 */
@ConfigurationProperties("platform.publicity")
public record PublicityProperties(boolean publishMinorTier, List<PublicityPeriodParameters> ruleSets) {

    public PublicityProperties {
        ruleSets = ruleSets == null ? List.of() : List.copyOf(ruleSets);
    }

    public PublicityDateRules dateRules() {
        return ruleSets.isEmpty() ? PublicityDateRules.defaults() : new PublicityDateRules(ruleSets);
    }
}
