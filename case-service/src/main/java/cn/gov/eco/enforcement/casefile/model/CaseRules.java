package cn.gov.eco.enforcement.casefile.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The numbers of the case rules that vary by province or are unverified (DOMAIN.md §2, §8.4, §10 item 3), set by
 * configuration. Every default here is [U] unless said otherwise.
 *
 * @param hearingOrganisationFine     较大数额罚款 for an organisation, hearing right (行政处罚法 第六十三条; MEE Order 30
 *                                    Art. 89: 200,000 CNY [V-sec]; province may differ)
 * @param hearingIndividualFine       较大数额罚款 for an individual (5,000 CNY [U])
 * @param hearingThresholdInclusive   whether the threshold itself counts (以上 read as inclusive [I])
 * @param legalReviewFine             the agency's 重大执法决定法制审核目录 amount (行政处罚法 第五十八条第一款第四项) [U]
 * @param deliberationFine            情节复杂或者重大违法行为: fine or confiscation at or above which the heads discuss
 *                                    collectively (行政处罚法 第五十七条第二款; MEE 500,000 CNY [U])
 * @param filingDays                  T5: decide on filing within N calendar days of the lead (MEE 15 [U])
 * @param filingExtensionDays         T5: + N days with the head's approval (15 [U])
 * @param statementWorkingDays        T9: statement and defence window after the pre-notice (commonly 3–5 WD [U])
 * @param caseExtensionDays           T4: approved extension, calendar days (MEE 30 [U])
 * @param limitationYears             T32: 行政处罚法 第三十六条, 2 years [V]
 * @param limitationYearsSeriousHarm  T32: 5 years where life, health or financial security is harmed [V]
 * @param legalBasis                  the legal-basis table: cited provision → statutory fine range (DOMAIN §8.5.2)
 */
public record CaseRules(BigDecimal hearingOrganisationFine, BigDecimal hearingIndividualFine,
                        boolean hearingThresholdInclusive, BigDecimal legalReviewFine, BigDecimal deliberationFine,
                        int filingDays, int filingExtensionDays, int statementWorkingDays, int caseExtensionDays,
                        int limitationYears, int limitationYearsSeriousHarm, Map<String, FineRange> legalBasis) {

    public CaseRules {
        legalBasis = legalBasis == null ? Map.of() : Map.copyOf(legalBasis);
    }

    /** The statutory fine range of a provision: the legal-basis table's line. */
    public record FineRange(BigDecimal min, BigDecimal max) {
    }

    /** The defaults named in DOMAIN.md (all [U] except the limitation periods). */
    public static CaseRules defaults() {
        return new CaseRules(new BigDecimal("200000"), new BigDecimal("5000"), true, new BigDecimal("200000"),
                new BigDecimal("500000"), 15, 15, 5, 30, 2, 5, Map.of());
    }

    public CaseRules withLegalBasis(Map<String, FineRange> table) {
        return new CaseRules(hearingOrganisationFine, hearingIndividualFine, hearingThresholdInclusive,
                legalReviewFine, deliberationFine, filingDays, filingExtensionDays, statementWorkingDays,
                caseExtensionDays, limitationYears, limitationYearsSeriousHarm, table);
    }

    public CaseRules withHearingOrganisationFine(BigDecimal amount) {
        return new CaseRules(amount, hearingIndividualFine, hearingThresholdInclusive, legalReviewFine,
                deliberationFine, filingDays, filingExtensionDays, statementWorkingDays, caseExtensionDays,
                limitationYears, limitationYearsSeriousHarm, legalBasis);
    }

    /**
     * The range of the provision cited, matched after removing whitespace: the table's line for exactly that
     * provision, else the longest line the citation starts with (an article's range covers its items, e.g.
     * 第九十九条 for 第九十九条第二项); empty when the table has no line.
     */
    public Optional<FineRange> rangeOf(String provision) {
        if (provision == null) {
            return Optional.empty();
        }
        String key = normalise(provision);
        return legalBasis.entrySet().stream().filter(e -> key.startsWith(normalise(e.getKey())))
                .max(java.util.Comparator.comparingInt(e -> normalise(e.getKey()).length()))
                .map(Map.Entry::getValue);
    }

    private static String normalise(String s) {
        return s.replaceAll("[\\s\\u3000]", "");
    }
}
