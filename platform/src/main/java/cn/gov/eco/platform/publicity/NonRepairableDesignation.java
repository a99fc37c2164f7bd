package cn.gov.eco.platform.publicity;

/**
 * 特定严重失信 designated on one decision by the deciding officer (and checked in legal review): the information may
 * not be repaired during its publicity period (泉州市生态环境系统行政处罚信息信用修复暂行规定, T27 [U which behaviours]).
 *
 * @param legalBasis the provision or rule that makes it non-repairable (required)
 * @param reasonZh   why, as the notice prints it (required)
 */
public record NonRepairableDesignation(String legalBasis, String reasonZh) {
}
