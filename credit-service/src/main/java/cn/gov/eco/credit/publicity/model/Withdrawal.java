package cn.gov.eco.credit.publicity.model;

import cn.gov.eco.platform.calendar.ExplainedDate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 撤回 (《行政处罚法》第四十八条): the decision was revoked or changed; the information is withdrawn within 3 working days
 * (T14, Art. 85) and the reason is published. The deadline is the one case-service computed from the revocation's
 * effective date and sent with the event.
 *
 * @param trigger     DECISION_REVOKED or DECISION_AMENDED
 * @param source      RECONSIDERATION / LITIGATION / SELF_CORRECTION
 * @param outcome     REVOKED / VOID / CONFIRMED_ILLEGAL, or AMENDED
 * @param withdrawnOn the day it was withdrawn here (Asia/Shanghai)
 * @param deadlineMet withdrawn on or before {@code withdrawBy}
 * @param withdrawByDerivation the same deadline recomputed here with the platform calendar (T14), with its derivation;
 *                             null when the effective date lies outside the loaded calendar years
 */
public record Withdrawal(String trigger, String source, String outcome, LocalDate effectiveDate, String reason,
                         LocalDate withdrawBy, String withdrawByExplanationZh, String withdrawByExplanationEn,
                         LocalDate withdrawnOn, Instant withdrawnAt, boolean deadlineMet,
                         ExplainedDate withdrawByDerivation) {
}
