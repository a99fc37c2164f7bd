package cn.gov.eco.credit.repair.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a RepairApplication (DOMAIN.md §8.3). DRAFT and SUBMITTED are not stored: an application is either
 * received or blocked at the moment it is submitted. [I] acceptance starts the review at once (ACCEPTED →
 * UNDER_REVIEW is not a separate step); a synced result completes the application (RESULT_SYNCED → COMPLETED in one
 * step, there being nothing else to wait for).
 */
public enum RepairStatus {
    BLOCKED("未通过预检"),
    RECEIVED("已登记待受理"),
    NOT_ACCEPTED("不予受理"),
    SUPPLEMENT_REQUESTED("待补正材料"),
    UNDER_REVIEW("审核中"),
    UNDER_REVIEW_EXTENDED("审核中（已延期）"),
    APPROVED("准予修复，结果同步中"),
    DENIED("不予修复"),
    COMPLETED("修复完成，结果已同步"),
    WITHDRAWN("已撤回"),
    REVOKED("修复已撤销");

    private final String zh;

    RepairStatus(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** Which states may follow this one. */
    public Set<RepairStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(UNDER_REVIEW, NOT_ACCEPTED, SUPPLEMENT_REQUESTED, WITHDRAWN);
            // [I] the applicant may also withdraw while asked to supplement.
            case SUPPLEMENT_REQUESTED -> EnumSet.of(RECEIVED, WITHDRAWN);
            case UNDER_REVIEW -> EnumSet.of(UNDER_REVIEW_EXTENDED, APPROVED, DENIED);
            case UNDER_REVIEW_EXTENDED -> EnumSet.of(APPROVED, DENIED);
            case APPROVED -> EnumSet.of(COMPLETED, REVOKED);
            case COMPLETED -> EnumSet.of(REVOKED);
            default -> EnumSet.noneOf(RepairStatus.class);
        };
    }

    /** Still being handled: blocks a second application for the same record. */
    public boolean open() {
        return this == RECEIVED || this == SUPPLEMENT_REQUESTED || this == UNDER_REVIEW
                || this == UNDER_REVIEW_EXTENDED;
    }
}
