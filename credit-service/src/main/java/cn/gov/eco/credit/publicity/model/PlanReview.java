package cn.gov.eco.credit.publicity.model;

import cn.gov.eco.platform.publicity.ClassifiedPlan;

import java.time.Instant;
import java.util.List;

/**
 * The served plan and the plan credit-service's configuration gives when the record opens differ (the configuration
 * changed between service and opening). The served notice is the legal act: the record opens as served, and this
 * flag waits for a legal reviewer; a correction is a new notice served again, not a silent change of the record.
 *
 * @param differences each field on which the served plan and the recomputed one differ
 * @param recomputed  the plan this service's configuration gives, kept for the reviewer
 */
public record PlanReview(List<ClassifiedPlan.Difference> differences, ClassifiedPlan recomputed, Instant detectedAt,
                         String reviewedBy, Instant reviewedAt, String note) {

    public PlanReview {
        differences = differences == null ? List.of() : List.copyOf(differences);
    }

    public boolean pending() {
        return reviewedAt == null;
    }
}
