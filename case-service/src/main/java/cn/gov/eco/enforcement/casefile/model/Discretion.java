package cn.gov.eco.enforcement.casefile.model;

import cn.gov.eco.enforcement.decision.model.PenaltyType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The discretion guard and statement (DOMAIN.md §2.1, §8.5.2, scenario 12): a fine stays inside the statutory range of
 * the provision cited, per the legal-basis table; below the minimum only with 减轻处罚 flagged and its legal basis
 * (行政处罚法 第三十二条); and the factors are written into the decision's discretion statement.
 */
public final class Discretion {

    private Discretion() {
    }

    /** The faults of a proposed fine against the legal-basis table; empty when it is within the law. */
    public static List<CaseRuleException> check(List<ProposedPenalty> penalties, String basisProvision,
                                                Mitigation mitigation, CaseRules rules) {
        List<CaseRuleException> out = new ArrayList<>();
        Mitigation m = mitigation == null ? Mitigation.none() : mitigation;
        if (m.belowMinimum() && (m.belowMinimumBasis() == null || m.belowMinimumBasis().isBlank())) {
            out.add(CaseRuleException.invalid("MITIGATION_BASIS_REQUIRED", "mitigation.belowMinimumBasis",
                    "减轻处罚须写明法律依据（《行政处罚法》第三十二条）",
                    "A penalty below the statutory minimum needs its legal basis (Administrative Penalty Law Art. 32)"));
        }
        var range = rules.rangeOf(basisProvision);
        if (range.isEmpty()) {
            return out;
        }
        BigDecimal fine = Gates.sum(penalties, PenaltyType.FINE);
        if (fine.signum() == 0) {
            return out;
        }
        var r = range.get();
        if (r.max() != null && fine.compareTo(r.max()) > 0) {
            out.add(CaseRuleException.invalid("FINE_ABOVE_STATUTORY_MAXIMUM", "penalties",
                    "罚款 " + fine.toPlainString() + " 元超过" + basisProvision + "规定的上限 " + r.max().toPlainString() + " 元",
                    "The fine " + fine.toPlainString() + " CNY exceeds the maximum " + r.max().toPlainString()
                            + " CNY of " + basisProvision));
        }
        if (r.min() != null && fine.compareTo(r.min()) < 0 && !(m.belowMinimum() && m.belowMinimumBasis() != null
                && !m.belowMinimumBasis().isBlank())) {
            out.add(CaseRuleException.invalid("FINE_BELOW_STATUTORY_MINIMUM", "penalties",
                    "罚款 " + fine.toPlainString() + " 元低于" + basisProvision + "规定的下限 " + r.min().toPlainString()
                            + " 元；减轻处罚须标明并写明法律依据（《行政处罚法》第三十二条）",
                    "The fine " + fine.toPlainString() + " CNY is below the minimum " + r.min().toPlainString()
                            + " CNY of " + basisProvision + "; only a flagged 减轻处罚 with its legal basis may go below"
                            + " (Administrative Penalty Law Art. 32)"));
        }
        return out;
    }

    /** The discretion statement written into the decision: the factors, then the officer's own words. */
    public static String statement(List<ProposedPenalty> penalties, Mitigation mitigation, String officerText) {
        Mitigation m = mitigation == null ? Mitigation.none() : mitigation;
        List<String> factors = new ArrayList<>();
        if (m.lawStudy()) {
            factors.add("当事人主动参加生态环境法律法规学习");
        }
        if (m.publicApology()) {
            factors.add("当事人公开道歉并作出守法承诺");
        }
        StringBuilder sb = new StringBuilder();
        if (!factors.isEmpty()) {
            sb.append(String.join("，", factors)).append("，");
            BigDecimal fine = Gates.sum(penalties, PenaltyType.FINE);
            if (m.baseFine() != null && fine.signum() > 0) {
                sb.append("罚款由裁量基准 ").append(m.baseFine().toPlainString()).append(" 元调整为 ")
                        .append(fine.toPlainString()).append(" 元，");
            }
            sb.append(m.belowMinimum() ? "依据" + m.belowMinimumBasis() + "予以减轻处罚。" : "予以从轻处罚。");
        } else if (m.belowMinimum()) {
            sb.append("依据").append(m.belowMinimumBasis()).append("予以减轻处罚。");
        }
        if (m.note() != null && !m.note().isBlank()) {
            sb.append(m.note().trim());
        }
        if (officerText != null && !officerText.isBlank()) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(officerText.trim());
        }
        return sb.isEmpty() ? null : sb.toString();
    }
}
