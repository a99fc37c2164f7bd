package cn.gov.eco.credit.publicity.model;

import cn.gov.eco.platform.publicity.PublicityPlan;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a CreditPublicityRecord (DOMAIN.md §8.3) and the transitions allowed between them; any other is
 * refused. The sync of a repair to the credit platforms (SYNC_PENDING → SYNCED) belongs to the repair feature.
 */
public enum PublicityStatus {
    /** minor tier, not published by default (Order 36: 原则上不予公示; 22号: 可以不予公示) */
    NOT_PUBLISHED("不予公示"),
    /** published, the minimum period still running: no repair application yet */
    PUBLISHED_MIN_RUNNING("公示中（最短公示期内）"),
    /** published, the minimum period has passed (or the tier has none): repairable */
    PUBLISHED_REPAIRABLE("公示中（可申请信用修复）"),
    /** published, minimum period passed, but not repairable for the whole period (泉州 特定严重失信, T27) */
    PUBLISHED_NON_REPAIRABLE("公示中（不予修复）"),
    /** the maximum period has ended: publication stopped by itself (T31) */
    EXPIRED("公示期满，已停止公示"),
    /** the decision was revoked or changed: withdrawn (《行政处罚法》第四十八条, T14) */
    WITHDRAWN("已撤回"),
    /** credit repair approved: publication terminated (Order 36 Art. 3) */
    TERMINATED_BY_REPAIR("信用修复，已终止公示"),
    /** the repair was revoked (false materials): published again until the original maximum end */
    REPUBLISHED("撤销修复，恢复公示");

    private final String nameZh;

    PublicityStatus(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** Shown to the public on the credit platforms. */
    public boolean published() {
        return this == PUBLISHED_MIN_RUNNING || this == PUBLISHED_REPAIRABLE || this == PUBLISHED_NON_REPAIRABLE
                || this == REPUBLISHED;
    }

    /** Nothing can happen to the record any more. */
    public boolean terminal() {
        return this == EXPIRED || this == WITHDRAWN;
    }

    /** DOMAIN.md §8.3 CreditPublicityRecord. */
    public Set<PublicityStatus> next() {
        return switch (this) {
            // minor information is repairable once the obligations are met, published or not (22号 item 二)
            case NOT_PUBLISHED -> EnumSet.of(TERMINATED_BY_REPAIR, WITHDRAWN);
            case PUBLISHED_MIN_RUNNING -> EnumSet.of(PUBLISHED_REPAIRABLE, PUBLISHED_NON_REPAIRABLE, EXPIRED, WITHDRAWN);
            case PUBLISHED_REPAIRABLE -> EnumSet.of(TERMINATED_BY_REPAIR, EXPIRED, WITHDRAWN);
            case PUBLISHED_NON_REPAIRABLE -> EnumSet.of(EXPIRED, WITHDRAWN);
            case TERMINATED_BY_REPAIR -> EnumSet.of(REPUBLISHED, WITHDRAWN);
            // a republished record runs to the original maximum end; a later repair once any bar has passed [I]
            case REPUBLISHED -> EnumSet.of(TERMINATED_BY_REPAIR, EXPIRED, WITHDRAWN);
            case EXPIRED, WITHDRAWN -> EnumSet.noneOf(PublicityStatus.class);
        };
    }

    public boolean canMoveTo(PublicityStatus to) {
        return next().contains(to);
    }

    /**
     * Where a record opened on {@code today} starts, given its plan (a decision may be served long after it was
     * made) and whether the decision is non-repairable (T27).
     */
    public static PublicityStatus asOf(PublicityPlan plan, LocalDate today, boolean nonRepairable) {
        if (!plan.published()) {
            return NOT_PUBLISHED;
        }
        if (!today.isBefore(plan.autoStopDate().date())) {
            return EXPIRED;
        }
        if (nonRepairable) {
            // 特定严重失信 (T27): not repairable for the whole publicity period, so from the day it opens
            return PUBLISHED_NON_REPAIRABLE;
        }
        if (plan.earliestApplicationDate() == null || !today.isBefore(plan.earliestApplicationDate().date())) {
            return PUBLISHED_REPAIRABLE;
        }
        return PUBLISHED_MIN_RUNNING;
    }
}
