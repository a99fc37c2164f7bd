package cn.gov.eco.notice.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a 企业环境信用信息修复权益告知书 prints (DOMAIN.md §4.3, §8.6), served together with the penalty
 * decision (两书同达). Dates are computed elsewhere; the renderer only formats them.
 *
 * @param documentNumber                  文书编号 of this notice
 * @param linkedDecisionNumber            编号 of the penalty decision it accompanies
 * @param partyName                       当事人名称
 * @param partyUscc                       统一社会信用代码
 * @param severityTierZh                  失信程度, e.g. 一般失信行为
 * @param severityBasis                   why that tier
 * @param publicityPlatforms              where the information is published; empty = the agency profile's list
 * @param publicityStart                  公示起始日 (the decision date)
 * @param minPeriodEnd                    最短公示期届满日; null when there is no minimum (minor tier)
 * @param maxPeriodEnd                    最长公示期届满日
 * @param earliestApplicationDate         最早可申请修复日期
 * @param earliestApplicationExplanationZh one sentence printed beside that date
 * @param repairConditions                修复条件
 * @param requiredMaterials               申请材料
 * @param applicationChannel              申请渠道
 * @param processingTimeLimits            办理时限
 * @param environmentalCreditEffect       对环境信用评价的影响
 * @param nonRepairable                   the information cannot be repaired during its publicity
 * @param nonRepairableReason             why, when {@code nonRepairable}
 * @param antiFraudWarning                the "repair is free" warning; see {@link #ANTI_FRAUD_WARNING}
 * @param contact                         联系方式
 * @param issuingAgency                   告知机关
 * @param issueDate                       告知日期
 */
public record RepairRightsNoticeDocument(
        String documentNumber,
        String linkedDecisionNumber,
        String partyName,
        String partyUscc,
        String severityTierZh,
        String severityBasis,
        List<String> publicityPlatforms,
        LocalDate publicityStart,
        LocalDate minPeriodEnd,
        LocalDate maxPeriodEnd,
        LocalDate earliestApplicationDate,
        String earliestApplicationExplanationZh,
        List<String> repairConditions,
        List<String> requiredMaterials,
        String applicationChannel,
        String processingTimeLimits,
        String environmentalCreditEffect,
        boolean nonRepairable,
        String nonRepairableReason,
        String antiFraudWarning,
        String contact,
        String issuingAgency,
        LocalDate issueDate) {

    /** 国办发〔2025〕22号 tells agencies to warn against paid "credit repair" services. */
    public static final String ANTI_FRAUD_WARNING = "信用修复不收取任何费用，请通过官方渠道申请，谨防诈骗。";

    public RepairRightsNoticeDocument {
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(linkedDecisionNumber, "linkedDecisionNumber");
        Objects.requireNonNull(partyName, "partyName");
        Objects.requireNonNull(severityTierZh, "severityTierZh");
        Objects.requireNonNull(publicityStart, "publicityStart");
        Objects.requireNonNull(maxPeriodEnd, "maxPeriodEnd");
        Objects.requireNonNull(issuingAgency, "issuingAgency");
        Objects.requireNonNull(issueDate, "issueDate");
        if (!nonRepairable) {
            Objects.requireNonNull(earliestApplicationDate, "earliestApplicationDate");
        }
        if (nonRepairable && (nonRepairableReason == null || nonRepairableReason.isBlank())) {
            throw new IllegalArgumentException("a non-repairable notice states the reason");
        }
        publicityPlatforms = publicityPlatforms == null ? List.of() : List.copyOf(publicityPlatforms);
        repairConditions = repairConditions == null ? List.of() : List.copyOf(repairConditions);
        requiredMaterials = requiredMaterials == null ? List.of() : List.copyOf(requiredMaterials);
        if (antiFraudWarning == null || antiFraudWarning.isBlank()) {
            antiFraudWarning = ANTI_FRAUD_WARNING;
        }
    }
}
