package cn.gov.eco.credit.repair.model;

import cn.gov.eco.platform.calendar.DateRule;
import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.calendar.PeriodUnit;
import cn.gov.eco.platform.calendar.RollForwardPolicy;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/**
 * The time limits of handling a repair application, in working days of the State Council calendar (DOMAIN.md §8.4
 * T29, T30). All numbers are [U] (《信用修复管理办法》and 国办发〔2025〕22号 set working-day limits whose numbers could
 * not be confirmed; one secondary source: accept within 3, decide within 7, +10 when complex; Order 58: sync within
 * 3) and come from configuration. The start day is not counted, so an application received on a rest day starts its
 * clock on the next working day (T28).
 */
public final class RepairTimeLimits {

    private static final String SOURCE_ZH = "《信用修复管理办法》（国家发展改革委令2025年第36号）；国办发〔2025〕22号";
    private static final String SOURCE_EN = "NDRC Order No. 36 (2025); State Council General Office Document [2025] No. 22";
    private static final String RULE_SET = "NDRC-ORDER-36";

    private final WorkingDayCalendar calendar;
    private final DateRule accept;
    private final DateRule decide;
    private final DateRule extend;
    private final DateRule sync;

    public RepairTimeLimits(WorkingDayCalendar calendar, int acceptanceWorkingDays, int decisionWorkingDays,
                            int extensionWorkingDays, int syncWorkingDays) {
        this.calendar = calendar;
        this.accept = rule("T29-ACCEPT", "信用修复申请受理期限", "repair application acceptance limit",
                acceptanceWorkingDays, "[U] number from configuration (one source: 3 working days)");
        this.decide = rule("T29-DECIDE", "信用修复审核决定期限", "repair decision limit", decisionWorkingDays,
                "[U] number from configuration (one source: 7 working days)");
        this.extend = rule("T29-EXTEND", "信用修复审核延长期限", "repair decision extension (complex case)",
                extensionWorkingDays, "[U] number from configuration (one source: +10 working days)");
        this.sync = new DateRule("T30", "信用修复结果同步期限", "repair result sync to the credit platforms",
                "《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令2023年第58号）",
                "NDRC Order No. 58 (2023)", "NDRC-ORDER-58", "2023-05-01", PeriodUnit.WORKING_DAYS, syncWorkingDays,
                true, RollForwardPolicy.NONE, true, false,
                "[U] Order 58's 3 working days, kept as the default under Order 36; number from configuration");
    }

    private static DateRule rule(String id, String zh, String en, int days, String notes) {
        return new DateRule(id, zh, en, SOURCE_ZH, SOURCE_EN, RULE_SET, "2026-04-01", PeriodUnit.WORKING_DAYS, days,
                true, RollForwardPolicy.NONE, true, false, notes);
    }

    public String calendarVersion() {
        return calendar.calendarVersion();
    }

    /** null when the date lies beyond the loaded calendar years (never guessed). */
    public ExplainedDate acceptanceDueBy(LocalDate received) {
        return compute(accept, "收到信用修复申请", "the repair application was received", received);
    }

    public ExplainedDate decisionDueBy(LocalDate accepted) {
        return compute(decide, "受理信用修复申请", "the repair application was accepted", accepted);
    }

    public ExplainedDate extendedDueBy(LocalDate previousDue) {
        return compute(extend, "原审核期限届满", "the original decision limit ended", previousDue);
    }

    public ExplainedDate syncDueBy(LocalDate approved) {
        return compute(sync, "作出准予修复决定", "the repair was approved", approved);
    }

    private ExplainedDate compute(DateRule rule, String zh, String en, LocalDate start) {
        return ExplainedDate.of(calendar.compute(rule, zh, en, start)); // never refused; flagged when provisional
    }
}
