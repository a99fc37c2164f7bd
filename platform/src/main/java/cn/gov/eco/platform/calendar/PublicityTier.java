package cn.gov.eco.platform.calendar;

/** Severity tier of penalty information for credit publicity (轻微 / 一般 / 严重). */
public enum PublicityTier {
    /** 轻微: normally not published; if published, only a maximum period. */
    MINOR,
    /** 一般 */
    GENERAL,
    /** 严重 */
    SERIOUS
}
