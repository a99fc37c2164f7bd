package cn.gov.eco.platform.publicity;

import cn.gov.eco.platform.calendar.ComputedDate;
import cn.gov.eco.platform.calendar.DateRule;
import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.calendar.PeriodUnit;
import cn.gov.eco.platform.calendar.RollForwardPolicy;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The publicity of a penalty decision by its tier (DOMAIN.md §4.1, §8.4 T23–T28, T31), shared by notice-service,
 * which prints the dates in the repair-rights notice, and credit-service, which runs the record — so the enterprise
 * is told exactly the dates the record will use.
 * <ul>
 *   <li>the rule set is the one in force on the decision date (Order 58 before 2026-04-01, Order 36 from then);</li>
 *   <li>publicity starts on the decision date; minimum and maximum ends are months from it;</li>
 *   <li>minor tier: not published by default (Order 36 原则上不予公示; 22号 可以不予公示), configurable;</li>
 *   <li>T28 [I]: the earliest repair application is the day after the minimum period ends (online submission on
 *   any day);</li>
 *   <li>T31: publication stops by itself the day after the maximum period ends.</li>
 * </ul>
 */
public class PublicityPeriods {

    private final WorkingDayCalendar calendar;
    private final PublicityDateRules rules;
    private final boolean publishMinorTier;

    public PublicityPeriods(WorkingDayCalendar calendar, PublicityDateRules rules, boolean publishMinorTier) {
        this.calendar = calendar;
        this.rules = rules;
        this.publishMinorTier = publishMinorTier;
    }

    // T28 [I]: earliest repair application = minimum-period end + 1 calendar day (DOMAIN.md §9 conventions).
    static DateRule earliestApplication(String ruleSetId, String version, String sourceZh, String sourceEn) {
        return new DateRule("T28", "最早可申请信用修复日", "earliest repair application date", sourceZh, sourceEn,
                ruleSetId, version, PeriodUnit.CALENDAR_DAYS, 1, true, RollForwardPolicy.NONE, false, true,
                "[I] the day after the minimum publicity period ends; online submission is allowed on any day");
    }

    // T31: publication stops automatically the day after the maximum period ends.
    static DateRule autoStop(String ruleSetId, String version, String sourceZh, String sourceEn) {
        return new DateRule("T31", "自动停止公示日", "publication stops automatically", sourceZh, sourceEn,
                ruleSetId, version, PeriodUnit.CALENDAR_DAYS, 1, true, RollForwardPolicy.NONE, false, true,
                "[I] the day after the maximum publicity period ends");
    }

    public PublicityDateRules rules() {
        return rules;
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    public PublicityPlan plan(SeverityTier tier, LocalDate decisionDate) {
        return plan(tier, decisionDate, publishMinorTier);
    }

    /**
     * The plan with the minor tier published or not as a sector rule says (22号 item 二: each sector authority sets
     * its classification; Order 36 原则上不予公示 is the default).
     */
    public PublicityPlan plan(SeverityTier tier, LocalDate decisionDate, boolean publishMinor) {
        PublicityPeriodParameters p = rules.parametersFor(decisionDate);
        boolean published = tier != SeverityTier.MINOR || publishMinor;
        Optional<DateRule> min = rules.rule(decisionDate, tier, PublicityDateRules.Bound.MINIMUM);
        Optional<DateRule> max = rules.rule(decisionDate, tier, PublicityDateRules.Bound.MAXIMUM);
        ExplainedDate minEnd = min.map(r -> explained(r, "作出行政处罚决定", "the penalty decision was made",
                decisionDate)).orElse(null);
        ExplainedDate maxEnd = max.map(r -> explained(r, "作出行政处罚决定", "the penalty decision was made",
                decisionDate)).orElse(null);
        ExplainedDate earliest = minEnd == null ? null : explained(earliestApplication(p.ruleSetId(),
                p.ruleSetVersion(), p.legalSourceZh(), p.legalSourceEn()), "最短公示期届满", "the minimum period ended",
                minEnd.date());
        ExplainedDate stop = maxEnd == null ? null : explained(autoStop(p.ruleSetId(), p.ruleSetVersion(),
                p.legalSourceZh(), p.legalSourceEn()), "最长公示期届满", "the maximum period ended", maxEnd.date());
        boolean transitional = !p.ruleSetId().equals(rules.newest().ruleSetId());
        return new PublicityPlan(tier, p.ruleSetId(), p.legalSourceZh(), published && maxEnd != null, decisionDate,
                minEnd, maxEnd, earliest, stop, transitional);
    }

    private ExplainedDate explained(DateRule rule, String eventZh, String eventEn, LocalDate start) {
        ComputedDate c = calendar.compute(rule, eventZh, eventEn, start);
        return ExplainedDate.of(c);
    }
}
