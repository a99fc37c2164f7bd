package cn.gov.eco.dashboard.lifecycle.model;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The annual enforcement statistics a bureau publishes in its 执法工作报告, for one year and one agency (or the
 * province), from the public topics. Mitigations (从轻/减轻处罚) are not carried by PenaltyDecided.v1, so they
 * cannot be counted from the topics: the row says so instead of showing a number.
 */
public record AnnualStatistics(int year, String agency, long casesFiled, long penaltyDecisions, long noPenaltyDecisions,
                               BigDecimal finesTotal, Map<String, Long> decisionsByPenaltyType, long hearingsHeld,
                               long legalReviews, long decisionsRevoked, long servedWithinLimit,
                               long publicityOpened) {

    /** One row of the exported table: label in zh-CN, value as printed. */
    public record Row(String labelZh, String labelEn, String value) {
    }

    public static AnnualStatistics compute(Collection<CaseLifecycle> all, int year, String agency) {
        List<CaseLifecycle> cases = all.stream().filter(c -> agency == null || agency.equals(c.agency)).toList();
        List<CaseLifecycle> decided = cases.stream().filter(c -> c.decided && c.decisionDate != null
                && c.decisionDate.getYear() == year).toList();
        Map<String, Long> byType = new TreeMap<>();
        decided.forEach(c -> c.penaltyTypes.stream().distinct().forEach(t -> byType.merge(t, 1L, Long::sum)));
        return new AnnualStatistics(year, agency,
                cases.stream().filter(c -> c.filedDate != null && c.filedDate.getYear() == year).count(),
                decided.size(),
                cases.stream().filter(c -> c.noPenaltyDate != null && c.noPenaltyDate.getYear() == year).count(),
                DashboardFigures.sum(decided, c -> c.totalFine), byType,
                cases.stream().filter(c -> c.hearingDate != null && c.hearingDate.getYear() == year).count(),
                cases.stream().filter(c -> c.legalReviewDate != null && c.legalReviewDate.getYear() == year)
                        .mapToLong(c -> c.legalReviews).sum(),
                cases.stream().filter(c -> c.revokedDate != null && c.revokedDate.getYear() == year).count(),
                decided.stream().filter(CaseLifecycle::servedWithinLimit).count(),
                decided.stream().filter(c -> c.published).count());
    }

    public List<Row> rows() {
        List<Row> rows = new java.util.ArrayList<>();
        rows.add(new Row("年度", "year", Integer.toString(year)));
        rows.add(new Row("作出决定的机关", "issuing agency", agency == null ? "全省（全部机关）" : agency));
        rows.add(new Row("立案数", "cases filed", Long.toString(casesFiled)));
        rows.add(new Row("行政处罚决定数", "penalty decisions", Long.toString(penaltyDecisions)));
        rows.add(new Row("不予行政处罚决定数", "no-penalty decisions", Long.toString(noPenaltyDecisions)));
        rows.add(new Row("罚没款总额（元）", "fines in total (CNY)", finesTotal.toPlainString()));
        decisionsByPenaltyType.forEach((type, n) -> rows.add(new Row("处罚种类：" + type,
                "penalty type: " + type, Long.toString(n))));
        rows.add(new Row("从轻、减轻处罚数", "mitigations applied", "主题未载明（PenaltyDecided.v1 无此字段）"));
        rows.add(new Row("举行听证数", "hearings held", Long.toString(hearingsHeld)));
        rows.add(new Row("法制审核数", "legal reviews", Long.toString(legalReviews)));
        rows.add(new Row("决定被撤销数", "decisions revoked", Long.toString(decisionsRevoked)));
        rows.add(new Row("七个工作日内送达数", "served within 7 working days", Long.toString(servedWithinLimit)));
        rows.add(new Row("信用公示数", "published in credit publicity", Long.toString(publicityOpened)));
        return rows;
    }
}
