package cn.gov.eco.enforcement.casefile.model;

import cn.gov.eco.platform.calendar.DateRule;
import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.calendar.PeriodUnit;
import cn.gov.eco.platform.calendar.RollForwardPolicy;
import cn.gov.eco.platform.calendar.StatutoryDateRules;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The time rules of a case before its decision (DOMAIN.md §8.4), each computed with the platform calendar and
 * returned as an {@link ExplainedDate} that carries its article and derivation.
 */
public final class CaseDeadlines {

    static final String MEE30 = "MEE-ORDER30";
    static final String MEE30_VERSION = "2023-07-01";
    static final String MEE30_ZH = "《生态环境行政处罚办法》（生态环境部令第30号）";

    // T5, MEE Order 30: decide on filing within 15 days of receiving the lead [U]; +15 with the head's approval [U].
    static final DateRule T5_FILING = new DateRule("T5", "立案审查期限", "filing decision deadline", MEE30_ZH,
            "MEE Order No. 30", MEE30, MEE30_VERSION, PeriodUnit.CALENDAR_DAYS, 15, true, RollForwardPolicy.NONE,
            true, false, "[U] 15 days; the 2010 rule said 7 working days (Art. 22)");
    static final DateRule T5_FILING_EXTENSION = new DateRule("T5-EXT", "立案审查期限延长", "extended filing deadline",
            MEE30_ZH, "MEE Order No. 30", MEE30, MEE30_VERSION, PeriodUnit.CALENDAR_DAYS, 15, true,
            RollForwardPolicy.NONE, true, false, "[U] +15 days with the head's approval, from the original deadline");
    // T9, MEE practice: statement and defence window after the pre-penalty notice, in working days [U].
    static final DateRule T9_STATEMENT = new DateRule("T9", "陈述申辩期限", "statement and defence window",
            "《中华人民共和国行政处罚法》第四十五条；" + MEE30_ZH, "Administrative Penalty Law Art. 45; MEE Order No. 30",
            StatutoryDateRules.APL, StatutoryDateRules.APL_VERSION, PeriodUnit.WORKING_DAYS, 5, true,
            RollForwardPolicy.NONE, true, false, "[U] commonly 3–5 working days, set per notice by configuration");
    // T32, 行政处罚法 第三十六条: no penalty once the violation went undiscovered for 2 years (5 with serious harm).
    static final DateRule T32_LIMITATION = new DateRule("T32", "行政处罚追责时效", "penalty limitation period",
            "《中华人民共和国行政处罚法》第三十六条", "Administrative Penalty Law Art. 36", StatutoryDateRules.APL,
            StatutoryDateRules.APL_VERSION, PeriodUnit.YEARS, 2, true, RollForwardPolicy.NONE, false, false, "");
    // MEE Order 30 [U]: hearing, public notice, monitoring, appraisal and service time are not counted in T4.
    static final DateRule T4_EXCLUDED = new DateRule("T4-EXCLUDED", "不计入办案期限的期间", "periods not counted in the case limit",
            MEE30_ZH, "MEE Order No. 30", MEE30, MEE30_VERSION, PeriodUnit.CALENDAR_DAYS, 0, true,
            RollForwardPolicy.NONE, true, true, "[U] excluded periods (2010 rule Art. 55 [V]); each day of an "
            + "excluded interval, both ends included, moves the deadline by one calendar day [I]");

    private final WorkingDayCalendar calendar;
    private final CaseRules rules;

    public CaseDeadlines(WorkingDayCalendar calendar, CaseRules rules) {
        this.calendar = calendar;
        this.rules = rules;
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    /** T5: the last day to decide on filing, extended by the head's approval when {@code extended}. */
    public ExplainedDate filingDeadline(LocalDate leadReceived, boolean extended) {
        ExplainedDate base = ExplainedDate.of(calendar.compute(T5_FILING.withCount(rules.filingDays()),
                "收到案件线索", "lead received", leadReceived));
        if (!extended) {
            return base;
        }
        return ExplainedDate.of(calendar.compute(T5_FILING_EXTENSION.withCount(rules.filingExtensionDays()),
                "原立案审查期限届满", "original filing deadline", base.date()));
    }

    /** T32: the last day a penalty may still be imposed for a violation that ended on {@code violationDate}. */
    public ExplainedDate limitationEnd(LocalDate violationDate, boolean seriousHarm) {
        return ExplainedDate.of(calendar.compute(T32_LIMITATION.withCount(seriousHarm
                ? rules.limitationYearsSeriousHarm() : rules.limitationYears()), "违法行为发生（或终了）",
                "violation committed (or ended)", violationDate));
    }

    /** T7: the last day the party may ask for a hearing (行政处罚法 第六十四条、第八十五条). */
    public ExplainedDate hearingRequestWindowEnd(LocalDate noticeServed) {
        return ExplainedDate.of(calendar.compute(StatutoryDateRules.T7_HEARING_REQUEST, "送达行政处罚事先（听证）告知书",
                "pre-penalty notice served", noticeServed));
    }

    /** T9: the last day of the statement and defence window. */
    public ExplainedDate statementWindowEnd(LocalDate noticeServed) {
        return ExplainedDate.of(calendar.compute(T9_STATEMENT.withCount(rules.statementWorkingDays()),
                "送达行政处罚事先告知书", "pre-penalty notice served", noticeServed));
    }

    /** T8: the latest day the hearing notice may go out for a hearing on {@code hearingDate}. */
    public ExplainedDate latestHearingNotice(LocalDate hearingDate) {
        return ExplainedDate.of(calendar.compute(StatutoryDateRules.T8_HEARING_NOTICE, "听证举行日", "hearing day",
                hearingDate));
    }

    /** T4 step by step: the 90 days from filing, then approved extensions, then excluded (suspended) periods. */
    public record DecisionDeadline(ExplainedDate statutory, ExplainedDate extended, ExplainedDate afterExclusions,
                                   ExplainedDate effective, long extensionDays, long excludedDays) {
        /** {@code effective}: the deadline in force, the last of the three that applies. */
        static DecisionDeadline of(ExplainedDate statutory, ExplainedDate extended, ExplainedDate afterExclusions,
                                   long extensionDays, long excludedDays) {
            return new DecisionDeadline(statutory, extended, afterExclusions, afterExclusions != null ? afterExclusions
                    : extended != null ? extended : statutory, extensionDays, excludedDays);
        }
    }

    /** T4 (行政处罚法 第六十条; MEE Order 30 extensions and exclusions [U]). */
    public DecisionDeadline decisionDeadline(LocalDate filed, List<CaseFile.Extension> extensions,
                                             List<CaseFile.Suspension> suspensions) {
        ExplainedDate statutory = ExplainedDate.of(calendar.compute(StatutoryDateRules.T4_CASE_DECISION,
                "立案", "case filed", filed));
        int extensionDays = extensions.stream().mapToInt(CaseFile.Extension::days).sum();
        LocalDate statutoryRaw = statutory.derivation().rawEndDate();
        ExplainedDate extended = extensionDays == 0 ? null : ExplainedDate.of(calendar.compute(
                StatutoryDateRules.T4_CASE_DECISION_EXTENSION.withCount(extensionDays), "原办案期限届满（经负责人批准延长）",
                "original case deadline (extension approved by the head)", statutory.derivation().rawEndDate()));
        long excluded = suspensions.stream().mapToLong(s -> ChronoUnit.DAYS.between(s.from(), s.to()) + 1).sum();
        ExplainedDate base = extended != null ? extended : statutory;
        ExplainedDate after = excluded == 0 ? null : ExplainedDate.of(calendar.compute(
                T4_EXCLUDED.withCount((int) excluded), "办案期限（扣除听证、公告、监测、鉴定、送达等期间）",
                "case deadline (hearing, public notice, monitoring, appraisal and service time excluded)",
                base.derivation().rawEndDate()));
        return DecisionDeadline.of(statutory, extended, after, extensionDays, excluded);
    }
}
