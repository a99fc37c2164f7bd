package cn.gov.eco.enforcement.casefile.model;

import cn.gov.eco.enforcement.decision.model.PenaltyType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When the law makes a step compulsory before a decision: the hearing right (行政处罚法 第六十三条), legal review
 * (第五十八条) and the heads' collective discussion (第五十七条第二款). Thresholds come from {@link CaseRules}.
 */
public final class Gates {

    // 行政处罚法 第六十三条第一款第三、四项 (and 第五项 "其他较重的行政处罚" for restriction of production [I]).
    private static final Set<PenaltyType> HEARING_TYPES = EnumSet.of(PenaltyType.DEMOTION_OF_QUALIFICATION,
            PenaltyType.REVOCATION_OF_LICENCE, PenaltyType.ORDER_TO_SUSPEND_PRODUCTION, PenaltyType.ORDER_TO_CLOSE,
            PenaltyType.RESTRICTION_OF_PRACTICE, PenaltyType.RESTRICTION_OF_PRODUCTION);

    // MEE Order 30 collective discussion list [U]: revocation, suspension of production, closure, restrictions.
    private static final Set<PenaltyType> DELIBERATION_TYPES = EnumSet.of(PenaltyType.REVOCATION_OF_LICENCE,
            PenaltyType.ORDER_TO_SUSPEND_PRODUCTION, PenaltyType.ORDER_TO_CLOSE, PenaltyType.RESTRICTION_OF_PRODUCTION,
            PenaltyType.RESTRICTION_OF_PRACTICE);

    private Gates() {
    }

    /** The facts about a case that the gates read, apart from the penalties. */
    public record CaseFacts(boolean individual, boolean majorPublicInterest, boolean complex, boolean hearingHeld,
                            boolean referredByHead) {
    }

    /** 行政处罚法 第六十三条: the reasons the party must be told of its right to a hearing (empty: none owed). */
    public static List<Trigger> hearingRight(List<ProposedPenalty> penalties, boolean individual, CaseRules rules) {
        List<Trigger> out = new ArrayList<>();
        BigDecimal threshold = individual ? rules.hearingIndividualFine() : rules.hearingOrganisationFine();
        BigDecimal fine = sum(penalties, PenaltyType.FINE);
        if (reaches(fine, threshold, rules.hearingThresholdInclusive())) {
            out.add(new Trigger("LARGE_FINE", "《行政处罚法》第六十三条第一款第一项",
                    "较大数额罚款（" + fine.toPlainString() + " 元，" + (individual ? "个人" : "单位") + "听证标准 "
                            + threshold.toPlainString() + " 元）",
                    "large fine (" + fine.toPlainString() + " CNY; hearing threshold " + threshold.toPlainString()
                            + " CNY for " + (individual ? "individuals" : "organisations") + ")"));
        }
        BigDecimal confiscated = sum(penalties, PenaltyType.CONFISCATION_OF_ILLEGAL_GAINS)
                .add(sum(penalties, PenaltyType.CONFISCATION_OF_ILLEGAL_PROPERTY));
        if (reaches(confiscated, threshold, rules.hearingThresholdInclusive())) {
            out.add(new Trigger("LARGE_CONFISCATION", "《行政处罚法》第六十三条第一款第二项",
                    "没收较大数额违法所得或较大价值非法财物", "confiscation of large illegal gains or high-value property"));
        }
        penalties.stream().map(ProposedPenalty::type).filter(HEARING_TYPES::contains).distinct().forEach(t ->
                out.add(new Trigger("HEAVY_PENALTY_" + t.name(), t == PenaltyType.RESTRICTION_OF_PRODUCTION
                        ? "《行政处罚法》第六十三条第一款第五项" : "《行政处罚法》第六十三条第一款第三、四项",
                        t.nameZh(), t.name().toLowerCase().replace('_', ' '))));
        return out;
    }

    /** 行政处罚法 第五十八条: the reasons legal review (法制审核) must pass before the head decides. */
    public static List<Trigger> legalReview(List<ProposedPenalty> penalties, CaseFacts facts, CaseRules rules) {
        List<Trigger> out = new ArrayList<>();
        if (facts.majorPublicInterest()) {
            out.add(new Trigger("MAJOR_PUBLIC_INTEREST", "《行政处罚法》第五十八条第一款第一项", "涉及重大公共利益",
                    "involves a major public interest"));
        }
        if (facts.hearingHeld()) {
            out.add(new Trigger("HEARING_HELD", "《行政处罚法》第五十八条第一款第二项", "直接关系当事人重大权益，经过听证程序",
                    "affects the party's major rights and went through a hearing"));
        }
        if (facts.complex()) {
            out.add(new Trigger("COMPLEX_CASE", "《行政处罚法》第五十八条第一款第三项", "案件情况疑难复杂、涉及多个法律关系",
                    "difficult and complex, several legal relationships"));
        }
        BigDecimal amount = sum(penalties, PenaltyType.FINE).add(sum(penalties, PenaltyType.CONFISCATION_OF_ILLEGAL_GAINS));
        if (reaches(amount, rules.legalReviewFine(), true)) {
            out.add(new Trigger("FINE_AT_LEGAL_REVIEW_THRESHOLD", "《行政处罚法》第五十八条第一款第四项（重大执法决定法制审核目录）",
                    "罚没金额 " + amount.toPlainString() + " 元达到法制审核目录标准 " + rules.legalReviewFine().toPlainString() + " 元",
                    "fine and confiscation " + amount.toPlainString() + " CNY reach the legal-review catalogue threshold "
                            + rules.legalReviewFine().toPlainString() + " CNY"));
        }
        return out;
    }

    /** 行政处罚法 第五十七条第二款: the reasons the heads must discuss the case collectively before deciding. */
    public static List<Trigger> deliberation(List<ProposedPenalty> penalties, CaseFacts facts, CaseRules rules) {
        List<Trigger> out = new ArrayList<>();
        BigDecimal amount = sum(penalties, PenaltyType.FINE).add(sum(penalties, PenaltyType.CONFISCATION_OF_ILLEGAL_GAINS))
                .add(sum(penalties, PenaltyType.CONFISCATION_OF_ILLEGAL_PROPERTY));
        if (reaches(amount, rules.deliberationFine(), true)) {
            out.add(new Trigger("FINE_AT_DELIBERATION_THRESHOLD", "《行政处罚法》第五十七条第二款",
                    "罚没金额 " + amount.toPlainString() + " 元达到集体讨论标准 " + rules.deliberationFine().toPlainString() + " 元",
                    "fine and confiscation " + amount.toPlainString() + " CNY reach the collective-discussion threshold "
                            + rules.deliberationFine().toPlainString() + " CNY"));
        }
        penalties.stream().map(ProposedPenalty::type).filter(DELIBERATION_TYPES::contains).distinct().forEach(t ->
                out.add(new Trigger("SERIOUS_PENALTY_" + t.name(), "《行政处罚法》第五十七条第二款",
                        "重大违法行为：" + t.nameZh(), "serious violation: " + t.name().toLowerCase().replace('_', ' '))));
        if (facts.complex()) {
            out.add(new Trigger("COMPLEX_CASE", "《行政处罚法》第五十七条第二款", "情节复杂", "complex circumstances"));
        }
        if (facts.referredByHead()) {
            out.add(new Trigger("REFERRED_BY_HEAD", "《行政处罚法》第五十七条第二款", "负责人决定提交集体讨论",
                    "referred to collective discussion by the head"));
        }
        return out;
    }

    static BigDecimal sum(List<ProposedPenalty> penalties, PenaltyType type) {
        return penalties.stream().filter(p -> p.type() == type && p.amount() != null).map(ProposedPenalty::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static boolean reaches(BigDecimal amount, BigDecimal threshold, boolean inclusive) {
        if (threshold == null || amount.signum() == 0) {
            return false;
        }
        int c = amount.compareTo(threshold);
        return inclusive ? c >= 0 : c > 0;
    }
}
