package cn.gov.eco.enforcement.casefile.infrastructure;

import cn.gov.eco.enforcement.casefile.model.CaseRules;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code enforcement.case-flow.*}: the numbers of the case rules that vary by province or are unverified (every
 * default is [U], DOMAIN.md §2 and §10 item 3), the issuing organ's code in 文号 and the legal-basis table.
 *
 * @param organCode               the issuing organ in document numbers, e.g. 泉环 (泉环罚〔2026〕1号)
 * @param issuingAgency           the agency named on decisions, e.g. 泉州市生态环境局
 * @param legalBasis              provision → statutory fine range (DOMAIN §8.5.2), e.g. 大气污染防治法第一百零八条
 */
@ConfigurationProperties("enforcement.case-flow")
public record CaseFlowProperties(String organCode, String issuingAgency, BigDecimal hearingOrganisationFine,
                                 BigDecimal hearingIndividualFine, Boolean hearingThresholdInclusive,
                                 BigDecimal legalReviewFine, BigDecimal deliberationFine, Integer filingDays,
                                 Integer filingExtensionDays, Integer statementWorkingDays, Integer caseExtensionDays,
                                 List<LegalBasisLine> legalBasis) {

    /** One line of the legal-basis table. */
    public record LegalBasisLine(String provision, BigDecimal minFine, BigDecimal maxFine) {
    }

    public String organ() {
        return organCode == null ? "泉环" : organCode;
    }

    public String agency() {
        return issuingAgency == null ? "泉州市生态环境局" : issuingAgency;
    }

    public CaseRules rules() {
        CaseRules d = CaseRules.defaults();
        Map<String, CaseRules.FineRange> table = new LinkedHashMap<>();
        if (legalBasis != null) {
            legalBasis.forEach(l -> table.put(l.provision(), new CaseRules.FineRange(l.minFine(), l.maxFine())));
        }
        return new CaseRules(or(hearingOrganisationFine, d.hearingOrganisationFine()),
                or(hearingIndividualFine, d.hearingIndividualFine()),
                hearingThresholdInclusive == null ? d.hearingThresholdInclusive() : hearingThresholdInclusive,
                or(legalReviewFine, d.legalReviewFine()), or(deliberationFine, d.deliberationFine()),
                or(filingDays, d.filingDays()), or(filingExtensionDays, d.filingExtensionDays()),
                or(statementWorkingDays, d.statementWorkingDays()), or(caseExtensionDays, d.caseExtensionDays()),
                d.limitationYears(), d.limitationYearsSeriousHarm(), table);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
