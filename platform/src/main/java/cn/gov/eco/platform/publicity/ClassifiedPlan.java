package cn.gov.eco.platform.publicity;

import cn.gov.eco.platform.calendar.ExplainedDate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The publicity of one decision as classified once, at the decision, by {@link PublicityClassifier}: the
 * classification and the plan with its dates and derivations. It travels as {@code publicityPlan} in
 * {@code PenaltyDecided} and {@code DualDeliveryCompleted}, so that the notice printed, the record opened, the
 * eligibility shown and the dashboard read one and the same plan.
 */
public record ClassifiedPlan(Classification classification, PublicityPlan plan) {

    public ClassifiedPlan {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(plan, "plan");
    }

    /** One field on which two plans of the same decision differ. */
    public record Difference(String field, String carried, String recomputed) {
    }

    /**
     * Where {@code other} (e.g. what this service's configuration would give today) differs from this plan in
     * anything the enterprise is told: tier, publication, rule set, the four dates, repairability.
     */
    public List<Difference> differencesFrom(ClassifiedPlan other) {
        List<Difference> d = new ArrayList<>();
        compare(d, "appliedTier", classification.appliedTier(), other.classification.appliedTier());
        compare(d, "published", plan.published(), other.plan.published());
        compare(d, "ruleSetId", plan.ruleSetId(), other.plan.ruleSetId());
        compare(d, "minPeriodEnd", date(plan.minPeriodEnd()), date(other.plan.minPeriodEnd()));
        compare(d, "maxPeriodEnd", date(plan.maxPeriodEnd()), date(other.plan.maxPeriodEnd()));
        compare(d, "earliestApplicationDate", date(plan.earliestApplicationDate()),
                date(other.plan.earliestApplicationDate()));
        compare(d, "autoStopDate", date(plan.autoStopDate()), date(other.plan.autoStopDate()));
        compare(d, "nonRepairable", classification.nonRepairable(), other.classification.nonRepairable());
        return d;
    }

    private static Object date(ExplainedDate e) {
        return e == null ? null : e.date();
    }

    private static void compare(List<Difference> out, String field, Object carried, Object recomputed) {
        if (!Objects.equals(carried, recomputed)) {
            out.add(new Difference(field, String.valueOf(carried), String.valueOf(recomputed)));
        }
    }
}
