package cn.gov.eco.credit.repair.model;

import cn.gov.eco.platform.calendar.ExplainedDate;

/**
 * One condition of credit repair that is not met, as the enterprise sees it: a stable code, the message in Chinese
 * and English, and, where a date decides it (the minimum period, a re-application bar), that date explained.
 */
public record UnmetCondition(String code, String messageZh, String messageEn, ExplainedDate date) {

    public static final String MIN_PERIOD_NOT_ELAPSED = "MIN_PERIOD_NOT_ELAPSED";
    public static final String FINE_NOT_FULLY_PAID = "FINE_NOT_FULLY_PAID";
    public static final String RECTIFICATION_NOT_VERIFIED = "RECTIFICATION_NOT_VERIFIED";
    public static final String CREDIT_COMMITMENT_REQUIRED = "CREDIT_COMMITMENT_REQUIRED";
    public static final String NON_REPAIRABLE = "NON_REPAIRABLE";
    public static final String REAPPLICATION_BARRED = "REAPPLICATION_BARRED";
    public static final String NOTHING_TO_REPAIR = "NOTHING_TO_REPAIR";
    public static final String APPLICATION_ALREADY_OPEN = "APPLICATION_ALREADY_OPEN";
}
