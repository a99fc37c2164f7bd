package cn.gov.eco.platform.publicity;

import cn.gov.eco.platform.calendar.DateRule;
import cn.gov.eco.platform.calendar.PeriodUnit;
import cn.gov.eco.platform.calendar.RollForwardPolicy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
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

    /** Oldest first; each rule set is in force from its {@code effectiveFrom} to the day before the next one's. */
    private final List<PublicityPeriodParameters> ruleSets;

    public PublicityDateRules(PublicityPeriodParameters order58, PublicityPeriodParameters order36) {
        this(List.of(Objects.requireNonNull(order58, "order58"), Objects.requireNonNull(order36, "order36")));
    }

    /** Rule sets by effective date (DOMAIN.md §0: {@code RuleSet{id, effectiveFrom, effectiveTo}}), in any order. */
    public PublicityDateRules(List<PublicityPeriodParameters> ruleSets) {
        if (ruleSets == null || ruleSets.isEmpty()) {
            throw new IllegalArgumentException("at least one publicity rule set is needed");
        }
        this.ruleSets = ruleSets.stream().sorted(Comparator.comparing(PublicityPeriodParameters::effectiveFrom)).toList();
        for (int i = 1; i < this.ruleSets.size(); i++) {
            if (this.ruleSets.get(i).effectiveFrom().equals(this.ruleSets.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("two publicity rule sets take effect on "
                        + this.ruleSets.get(i).effectiveFrom());
            }
        }
    }

    public static PublicityDateRules defaults() {
        return new PublicityDateRules(PublicityPeriodParameters.ORDER58_DEFAULT, PublicityPeriodParameters.ORDER36_DEFAULT);
    }

    /** The rule sets, oldest first. */
    public List<PublicityPeriodParameters> ruleSets() {
        return ruleSets;
    }

    /**
     * The rule set that governs a decision made on {@code decisionDate}: the latest one in force on that date (Order 36
     * from 2026-04-01, Order 58 before) [I] (DOMAIN §0: period computation follows the decision date; the transition
     * is still to be confirmed by legal). A date before the oldest rule set falls under the oldest.
     */
    public PublicityPeriodParameters parametersFor(LocalDate decisionDate) {
        PublicityPeriodParameters found = ruleSets.getFirst();
        for (PublicityPeriodParameters p : ruleSets) {
            if (!decisionDate.isBefore(p.effectiveFrom())) {
                found = p;
            }
        }
        return found;
    }

    /** The last day {@code p} is in force, or empty for the newest rule set (Order 58: 2026-03-31). */
    public Optional<LocalDate> effectiveTo(PublicityPeriodParameters p) {
        int i = ruleSets.indexOf(p);
        return i < 0 || i == ruleSets.size() - 1 ? Optional.empty()
                : Optional.of(ruleSets.get(i + 1).effectiveFrom().minusDays(1));
    }

    /** The newest rule set. */
    public PublicityPeriodParameters newest() {
        return ruleSets.getLast();
    }

    /**
     * Which rule set governs what, for a repair application (DOMAIN.md §0 [I]): the publicity periods follow the
     * decision date, the repair rules (conditions, time limits) the application date. When the two differ — a
     * decision before 2026-04-01 with an application after — the case is transitional and legal must confirm its
     * treatment (Order 36's transitional provision was not read, DOMAIN.md §10 item 1).
     */
    public RuleSetChoice forRepairApplication(LocalDate decisionDate, LocalDate applicationDate) {
        PublicityPeriodParameters periods = parametersFor(decisionDate);
        PublicityPeriodParameters repair = parametersFor(applicationDate);
        return new RuleSetChoice(periods, repair, !periods.ruleSetId().equals(repair.ruleSetId()));
    }

    /**
     * @param periodRules  the rule set of the decision date: publicity periods, earliest application date
     * @param repairRules  the rule set of the application date: repair conditions and time limits
     * @param transitional the two differ: the treatment needs legal confirmation
     */
    public record RuleSetChoice(PublicityPeriodParameters periodRules, PublicityPeriodParameters repairRules,
                                boolean transitional) {
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
