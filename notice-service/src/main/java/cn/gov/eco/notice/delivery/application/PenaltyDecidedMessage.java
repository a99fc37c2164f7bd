package cn.gov.eco.notice.delivery.application;

import cn.gov.eco.platform.publicity.ClassifiedPlan;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * notice-service's reading of {@code PenaltyDecided.v1}: the fields it uses, ignoring any it does not know, so that
 * additive changes of the contract never break it.
 *
 * @param onTheSpot not (yet) in the contract: a decision handed over on the spot (当场交付, 《行政处罚法》第六十一条)
 *                  has no 7-working-day watch; absent means false
 * @param publicityPlan the publicity plan classified once at the decision (case-service): printed as carried
 * @param caseNumber           not (yet) in the contract: the agency's case number (立案编号, e.g. 泉环执〔2025〕立字第031号)
 *                             printed as 案件编号; absent: the line is left out (the case id is internal, never printed)
 * @param statementsAndHearing not (yet) in the contract: 陈述、申辩和听证的情况 and how they were taken into account
 *                             (《行政处罚法》第四十四条、第四十五条、第六十三条至第六十五条); printed when given
 * @param rectificationOrder   not (yet) in the contract: 责令改正 ordered with the decision (《行政处罚法》第二十八条第一款);
 *                             printed when given
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PenaltyDecidedMessage(String caseId, String decisionId, String documentNumber, LocalDate decisionDate,
                                    Enterprise enterprise, List<Penalty> penalties, BigDecimal totalFine,
                                    String severityTier, String facts, List<String> evidence,
                                    String violatedProvision, String penaltyBasisProvision,
                                    String discretionStatement, String issuingAgency, Boolean onTheSpot,
                                    ClassifiedPlan publicityPlan, String caseNumber, String statementsAndHearing,
                                    String rectificationOrder) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Enterprise(String uscc, String name, String address, String legalRepresentative) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Penalty(String type, String typeZh, BigDecimal amount, String description) {
    }
}
