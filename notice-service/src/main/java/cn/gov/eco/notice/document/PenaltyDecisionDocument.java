package cn.gov.eco.notice.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a 行政处罚决定书 prints: the contents required by 行政处罚法 Art. 59 plus the operational fields of
 * DOMAIN.md §8.6. Texts are already in Chinese; dates and money are formatted by the renderer.
 *
 * @param documentNumber        文书编号, e.g. 泉环罚〔2025〕12号
 * @param caseNumber            案件编号
 * @param party                 当事人 (Art. 59(1))
 * @param facts                 违法事实 (Art. 59(2))
 * @param evidence              证据 (Art. 59(2))
 * @param violatedProvision     违反的规定 (Art. 59(3))
 * @param penaltyBasisProvision 处罚依据 (Art. 59(3))
 * @param penalties             处罚种类 (Art. 59(3)); one decision may combine several types
 * @param performance           履行方式和期限 (Art. 59(4))
 * @param remedies              复议和诉讼的途径和期限 (Art. 59(5))
 * @param discretionStatement   裁量说明 (aggravating and mitigating factors)
 * @param statementsAndHearing  陈述、申辩和听证的情况 and how they were taken into account (Arts. 44, 45, 63–65);
 *                              printed only when given
 * @param publicityNotice       公示告知 (Art. 48)
 * @param issuingAgency         作出决定的行政机关名称 (Art. 59(6))
 * @param decisionDate          作出决定的日期 (Art. 59(6))
 * @param rectificationOrder    责令改正 (Art. 28(1): the agency orders the violation corrected with the penalty);
 *                              printed only when given
 */
public record PenaltyDecisionDocument(
        String documentNumber,
        String caseNumber,
        Party party,
        String facts,
        List<String> evidence,
        String violatedProvision,
        String penaltyBasisProvision,
        List<Penalty> penalties,
        Performance performance,
        Remedies remedies,
        String discretionStatement,
        String statementsAndHearing,
        String publicityNotice,
        String issuingAgency,
        LocalDate decisionDate,
        String rectificationOrder) {

    public PenaltyDecisionDocument {
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(violatedProvision, "violatedProvision");
        Objects.requireNonNull(penaltyBasisProvision, "penaltyBasisProvision");
        Objects.requireNonNull(performance, "performance");
        Objects.requireNonNull(remedies, "remedies");
        Objects.requireNonNull(issuingAgency, "issuingAgency");
        Objects.requireNonNull(decisionDate, "decisionDate");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        penalties = penalties == null ? List.of() : List.copyOf(penalties);
        if (penalties.isEmpty()) {
            throw new IllegalArgumentException("a penalty decision names at least one penalty (Art. 59(3))");
        }
    }

    /** A decision without a rectification order. */
    public PenaltyDecisionDocument(String documentNumber, String caseNumber, Party party, String facts,
                                   List<String> evidence, String violatedProvision, String penaltyBasisProvision,
                                   List<Penalty> penalties, Performance performance, Remedies remedies,
                                   String discretionStatement, String statementsAndHearing, String publicityNotice,
                                   String issuingAgency, LocalDate decisionDate) {
        this(documentNumber, caseNumber, party, facts, evidence, violatedProvision, penaltyBasisProvision, penalties,
                performance, remedies, discretionStatement, statementsAndHearing, publicityNotice, issuingAgency,
                decisionDate, null);
    }

    /** A decision without a statement on the party's statements or hearing. */
    public PenaltyDecisionDocument(String documentNumber, String caseNumber, Party party, String facts,
                                   List<String> evidence, String violatedProvision, String penaltyBasisProvision,
                                   List<Penalty> penalties, Performance performance, Remedies remedies,
                                   String discretionStatement, String publicityNotice, String issuingAgency,
                                   LocalDate decisionDate) {
        this(documentNumber, caseNumber, party, facts, evidence, violatedProvision, penaltyBasisProvision, penalties,
                performance, remedies, discretionStatement, null, publicityNotice, issuingAgency, decisionDate, null);
    }

    /** 当事人. */
    public record Party(String name, String uscc, String address, String legalRepresentative) {
        public Party {
            Objects.requireNonNull(name, "party.name");
            Objects.requireNonNull(address, "party.address"); // Art. 59(1)
        }
    }

    /**
     * One penalty of the decision.
     *
     * @param typeZh      处罚种类, e.g. 罚款, 警告, 责令停产停业
     * @param amount      the fine in CNY, exact to the fen; null for penalties without an amount
     * @param description what the penalty is, e.g. duration or the licence concerned
     */
    public record Penalty(String typeZh, BigDecimal amount, String description) {
        public Penalty {
            Objects.requireNonNull(typeZh, "penalty.typeZh");
            if (amount != null && amount.signum() < 0) {
                throw new IllegalArgumentException("penalty amount must not be negative: " + amount);
            }
        }
    }

    /**
     * 履行方式和期限 (Art. 59(4), Arts. 67 and 72).
     *
     * @param method           how to pay, e.g. the bank or the electronic payment code
     * @param deadline         e.g. 自收到本决定书之日起十五日内
     * @param surchargeWarning the Art. 72 warning; see {@link #STATUTORY_SURCHARGE_WARNING}
     */
    public record Performance(String method, String deadline, String surchargeWarning) {

        /** 行政处罚法 Art. 72(1) and 行政强制法 Art. 45: 3 % of the fine per day, capped at the fine. */
        public static final String STATUTORY_SURCHARGE_WARNING =
                "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款数额。";

        public Performance {
            Objects.requireNonNull(method, "performance.method");
            Objects.requireNonNull(deadline, "performance.deadline");
            if (surchargeWarning == null || surchargeWarning.isBlank()) {
                surchargeWarning = STATUTORY_SURCHARGE_WARNING;
            }
        }
    }

    /**
     * 救济途径 (Art. 59(5)): 行政复议法 Art. 20 (60 days) and 行政诉讼法 Art. 46 (6 months).
     *
     * @param reconsiderationBody  复议机关
     * @param reconsiderationDays  复议申请期限 in calendar days, normally 60
     * @param court                管辖法院
     * @param litigationMonths     起诉期限 in months, normally 6
     * @param reconsiderationFirst 复议前置 (行政复议法 Art. 23(1), on-the-spot decisions)
     */
    public record Remedies(String reconsiderationBody, int reconsiderationDays, String court,
                           int litigationMonths, boolean reconsiderationFirst) {
        public Remedies {
            Objects.requireNonNull(reconsiderationBody, "remedies.reconsiderationBody");
            Objects.requireNonNull(court, "remedies.court");
            if (reconsiderationDays <= 0 || litigationMonths <= 0) {
                throw new IllegalArgumentException("remedy periods must be positive");
            }
        }

        /** The statutory periods: 60 days to apply for reconsideration, 6 months to sue. */
        public static Remedies statutory(String reconsiderationBody, String court) {
            return new Remedies(reconsiderationBody, 60, court, 6, false);
        }
    }
}
