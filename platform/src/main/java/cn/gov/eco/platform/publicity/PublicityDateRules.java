package cn.gov.eco.platform.publicity;

import cn.gov.eco.platform.calendar.DateRule;
import cn.gov.eco.platform.calendar.PeriodUnit;
import cn.gov.eco.platform.calendar.RollForwardPolicy;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Publicity period rules T23–T25 (DOMAIN §8.4) built from {@link PublicityPeriodParameters}: months from the
 * decision date, start day excluded, no roll-forward [I]. The earliest repair application and the automatic stop
 * are the day after the minimum / maximum end (T28, T31).
 */
public final class PublicityDateRules {

    /** The minimum or the maximum publicity period. */
    public enum Bound { MINIMUM, MAXIMUM }

    private final PublicityPeriodParameters order58;
    private final PublicityPeriodParameters order36;

    public PublicityDateRules(PublicityPeriodParameters order58, PublicityPeriodParameters order36) {
        this.order58 = Objects.requireNonNull(order58, "order58");
        this.order36 = Objects.requireNonNull(order36, "order36");
    }

    public static PublicityDateRules defaults() {
        return new PublicityDateRules(PublicityPeriodParameters.ORDER58_DEFAULT, PublicityPeriodParameters.ORDER36_DEFAULT);
    }

    /**
     * The rule set that governs a decision made on {@code decisionDate}: Order 36 from its effective date, Order 58
     * before [I] (DOMAIN §0: period computation follows the decision date; transition still to be confirmed by legal).
     */
    public PublicityPeriodParameters parametersFor(LocalDate decisionDate) {
        return decisionDate.isBefore(order36.effectiveFrom()) ? order58 : order36;
    }

    /** The rule for {@code tier}/{@code bound}; empty when the rule set has no such period (minor tier minimum). */
    public Optional<DateRule> rule(LocalDate decisionDate, SeverityTier tier, Bound bound) {
        PublicityPeriodParameters p = parametersFor(decisionDate);
        Integer months = switch (tier) {
            case MINOR -> bound == Bound.MAXIMUM ? p.minorMaxMonths() : null;
            case GENERAL -> bound == Bound.MINIMUM ? p.generalMinMonths() : p.generalMaxMonths();
            case SERIOUS -> bound == Bound.MINIMUM ? p.seriousMinMonths() : p.seriousMaxMonths();
        };
        if (months == null) {
            return Optional.empty();
        }
        String id = switch (tier) {
            case MINOR -> "T23";
            case GENERAL -> "T24";
            case SERIOUS -> "T25";
        } + (bound == Bound.MINIMUM ? "-MIN" : "-MAX");
        String tierZh = switch (tier) {
            case MINOR -> "轻微";
            case GENERAL -> "一般";
            case SERIOUS -> "严重";
        };
        String boundZh = bound == Bound.MINIMUM ? "最短公示期" : "最长公示期";
        String nameEn = tier.name().toLowerCase() + "-tier " + (bound == Bound.MINIMUM ? "minimum" : "maximum")
                + " publicity period";
        return Optional.of(new DateRule(id, tierZh + "失信信息" + boundZh, nameEn, p.legalSourceZh(), p.legalSourceEn(),
                p.ruleSetId(), p.ruleSetVersion(), PeriodUnit.MONTHS, months, true, RollForwardPolicy.NONE,
                p.unverified(), true, "[I] no roll-forward; months counted from the decision date (start day excluded)"));
    }
}
