package cn.gov.eco.credit.publicity.model;

import cn.gov.eco.platform.publicity.PublicityPlan;

import java.time.LocalDate;

/** The states of a CreditPublicityRecord (DOMAIN.md §8.3) that opening a record can reach. */
public enum PublicityStatus {
    /** minor tier, not published by default (Order 36: 原则上不予公示) */
    NOT_PUBLISHED,
    /** published, the minimum period still running: no repair application yet */
    PUBLISHED_MIN_RUNNING,
    /** published, the minimum period has passed: repairable */
    PUBLISHED_REPAIRABLE,
    /** the maximum period has ended: publication stopped by itself */
    EXPIRED;

    /** Where a record opened on {@code today} starts, given its plan (a decision may be served long after it was made). */
    public static PublicityStatus asOf(PublicityPlan plan, LocalDate today) {
        if (!plan.published()) {
            return NOT_PUBLISHED;
        }
        if (!today.isBefore(plan.autoStopDate().date())) {
            return EXPIRED;
        }
        if (plan.earliestApplicationDate() != null && !today.isBefore(plan.earliestApplicationDate().date())) {
            return PUBLISHED_REPAIRABLE;
        }
        return PUBLISHED_MIN_RUNNING;
    }
}
