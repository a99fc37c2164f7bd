package cn.gov.eco.enforcement.execution.model;

import cn.gov.eco.platform.calendar.DateRule;
import cn.gov.eco.platform.calendar.PeriodUnit;
import cn.gov.eco.platform.calendar.RollForwardPolicy;

import static cn.gov.eco.platform.calendar.StatutoryDateRules.APL;
import static cn.gov.eco.platform.calendar.StatutoryDateRules.APL_VERSION;

/**
 * The period rules of enforcement that the platform catalogue ({@code StatutoryDateRules}) does not carry: the
 * reminder (T13), the court application window (T12) and dates an agency head approves (暂缓、分期, Art. 66). T10
 * and T14 come from the platform catalogue itself.
 */
public final class ExecutionDateRules {

    public static final String ACL = "ACL-2011";               // 行政强制法 (2011)
    public static final String ACL_VERSION = "2012-01-01";

    private ExecutionDateRules() {
    }

    // 行政强制法 Art. 54 + 69: the court may be asked only after 10 working days from service of the 催告书.
    public static final DateRule T13_REMINDER = new DateRule("T13", "催告书送达后履行期限", "period after the payment reminder",
            "《中华人民共和国行政强制法》第五十四条、第六十九条", "Administrative Coercion Law Art. 54, 69",
            ACL, ACL_VERSION, PeriodUnit.WORKING_DAYS, 10, true, RollForwardPolicy.NONE, false, false, "");

    // 行政强制法 Art. 53: apply to the court within 3 months after the remedy periods expire.
    public static final DateRule T12_COURT_APPLICATION = new DateRule("T12", "申请人民法院强制执行期限",
            "apply to the court for enforcement", "《中华人民共和国行政强制法》第五十三条",
            "Administrative Coercion Law Art. 53", ACL, ACL_VERSION, PeriodUnit.MONTHS, 3, true,
            RollForwardPolicy.NEXT_WORKING_DAY, false, true,
            "[I] roll-forward off rest days (民法典 Art. 203); [I] counted from the later of the remedy periods' end and"
                    + " the end of an approved deferral or instalment period (行政处罚法 Art. 72(2))");

    /** 暂缓缴纳 (行政处罚法 第六十六条第二款): the approved new due date, as a period from the approval date. */
    public static DateRule deferral(int calendarDays) {
        return new DateRule("T10-DEFERRAL", "暂缓缴纳罚款", "approved payment deferral",
                "《中华人民共和国行政处罚法》第六十六条第二款", "Administrative Penalty Law Art. 66(2)", APL, APL_VERSION,
                PeriodUnit.CALENDAR_DAYS, calendarDays, true, RollForwardPolicy.NONE, false, false,
                "the date approved by the agency head");
    }

    /** 分期缴纳 (行政处罚法 第六十六条第二款): an instalment's approved due date, as a period from the approval date. */
    public static DateRule instalment(int number, int calendarDays) {
        return new DateRule("T10-INSTALMENT-" + number, "分期缴纳罚款第" + number + "期",
                "approved instalment " + number, "《中华人民共和国行政处罚法》第六十六条第二款",
                "Administrative Penalty Law Art. 66(2)", APL, APL_VERSION, PeriodUnit.CALENDAR_DAYS, calendarDays, true,
                RollForwardPolicy.NONE, false, false, "the date approved by the agency head");
    }
}
