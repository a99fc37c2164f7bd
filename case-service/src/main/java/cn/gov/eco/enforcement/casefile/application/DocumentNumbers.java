package cn.gov.eco.enforcement.casefile.application;

/**
 * Allocates 文号 (DOMAIN.md §8.5.3): unique per issuing organ, document kind and year, 〔〕 brackets, no leading zeros,
 * never reused — a number whose write is then refused stays a gap.
 */
public interface DocumentNumbers {

    /** The documents the case flow issues, each with its own series. */
    enum Series {
        /** 立案 (e.g. 泉环立〔2026〕1号). */
        FILING,
        /** 行政处罚事先（听证）告知书 (泉环罚告〔2026〕1号). */
        PRE_NOTICE,
        /** 听证通知书 (泉环罚听〔2026〕1号). */
        HEARING_NOTICE,
        /** 行政处罚决定书 (泉环罚〔2026〕1号, the series of the decisions registered so far). */
        DECISION,
        /** 不予行政处罚决定书 (泉环不罚〔2026〕1号). */
        NO_PENALTY
    }

    /** The next number of {@code series} for {@code year}, formatted as issued. */
    String next(Series series, int year);
}
