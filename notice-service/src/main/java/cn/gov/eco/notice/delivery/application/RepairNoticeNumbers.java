package cn.gov.eco.notice.delivery.application;

import cn.gov.eco.platform.identity.DocumentNumber;

/**
 * The repair-rights notice has its own number, linked to the decision's (DOMAIN.md §8.5.3, §8.6): the issuing
 * organ's prefix with the kind 信修 (信用修复告知), and the decision's year and serial number, e.g.
 * 泉环罚〔2025〕12号 → 泉环信修〔2025〕12号. One notice per decision, so the link is one to one and the number is
 * unique per organ, kind and year like every number the system issues.
 */
public final class RepairNoticeNumbers {

    public static final String KIND = "信修";

    private RepairNoticeNumbers() {
    }

    public static String linkedTo(String decisionNumber) {
        DocumentNumber d = DocumentNumber.parseIssued(decisionNumber);
        return DocumentNumber.of(d.org() + KIND, null, d.year(), d.sequence()).format();
    }
}
