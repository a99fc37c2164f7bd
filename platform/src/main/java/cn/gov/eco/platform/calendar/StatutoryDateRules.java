package cn.gov.eco.platform.calendar;

import java.util.List;

/**
 * The catalogue of period rules whose numbers are fixed by statute (DOMAIN §8.4). Numbers marked [U] in
 * DOMAIN.md are flagged {@code unverifiedNumber} and must be set from configuration with {@link DateRule#withCount};
 * roll-forwards that are our reading are flagged {@code interpretation} and can be switched with
 * {@link DateRule#withRollForward}.
 */
public final class StatutoryDateRules {

    public static final String APL = "APL-2021";                // 行政处罚法 (2021 revision)
    public static final String APL_VERSION = "2021-07-15";
    public static final String ARL = "ARL-2023";                // 行政复议法 (2023 revision)
    public static final String ARL_VERSION = "2024-01-01";
    public static final String ALL = "ALL-2017";                // 行政诉讼法 (2017 revision)
    public static final String ALL_VERSION = "2017-07-01";
    public static final String CPL = "CPL-2023";                // 民事诉讼法 (2023 revision)
    public static final String CPL_VERSION = "2024-01-01";

    private StatutoryDateRules() {
    }

    // 行政处罚法 Art. 61 + 85: serve the decision within 7 working days when the party is absent.
    public static final DateRule T2_SERVE_DECISION = new DateRule("T2", "送达行政处罚决定书", "serve the penalty decision",
            "《中华人民共和国行政处罚法》第六十一条、第八十五条", "Administrative Penalty Law Art. 61, 85",
            APL, APL_VERSION, PeriodUnit.WORKING_DAYS, 7, true, RollForwardPolicy.NONE, false, false, "");

    // 行政处罚法 Art. 60: decide within 90 days of filing; alert on the raw date, roll-forward shown as information [I].
    public static final DateRule T4_CASE_DECISION = new DateRule("T4", "案件办理期限", "case decision deadline",
            "《中华人民共和国行政处罚法》第六十条", "Administrative Penalty Law Art. 60",
            APL, APL_VERSION, PeriodUnit.CALENDAR_DAYS, 90, true, RollForwardPolicy.NEXT_WORKING_DAY_INFORMATION_ONLY,
            false, true, "[I] alert on the raw date, roll-forward (MEE 2010 rule Art. 79 practice) as information only;"
                    + " MEE Order 30 may provide otherwise [U]");

    // MEE Order 30: approved extension of the case limit, +30 days [U].
    public static final DateRule T4_CASE_DECISION_EXTENSION = new DateRule("T4-EXT", "案件办理期限延长",
            "approved extension of the case deadline", "《生态环境行政处罚办法》（生态环境部令第30号）",
            "MEE Order No. 30", "MEE-ORDER30", "2023-07-01", PeriodUnit.CALENDAR_DAYS, 30, true,
            RollForwardPolicy.NEXT_WORKING_DAY_INFORMATION_ONLY, true, true,
            "[U] extension length; counted from the original raw deadline");

    // 行政处罚法 Art. 64 + 85: the party asks for a hearing within 5 working days of the notice.
    public static final DateRule T7_HEARING_REQUEST = new DateRule("T7", "听证申请期限", "hearing request window",
            "《中华人民共和国行政处罚法》第六十四条、第八十五条", "Administrative Penalty Law Art. 64, 85",
            APL, APL_VERSION, PeriodUnit.WORKING_DAYS, 5, true, RollForwardPolicy.NONE, false, false, "");

    // 行政处罚法 Art. 64 + 85: notify the hearing at least 7 working days before it; the result is the latest notice date.
    public static final DateRule T8_HEARING_NOTICE = new DateRule("T8", "听证通知最迟日", "latest hearing notice date",
            "《中华人民共和国行政处罚法》第六十四条、第八十五条", "Administrative Penalty Law Art. 64, 85",
            APL, APL_VERSION, PeriodUnit.WORKING_DAYS, -7, true, RollForwardPolicy.NONE, false, true,
            "[I] the notice day itself is the 7th working day before the hearing day (hearing day not counted)");

    // 行政处罚法 Art. 67: pay the fine within 15 days of receipt; roll forward off a rest day [I] (民法典 Art. 203).
    public static final DateRule T10_FINE_PAYMENT = new DateRule("T10", "罚款缴纳期限", "fine payment deadline",
            "《中华人民共和国行政处罚法》第六十七条", "Administrative Penalty Law Art. 67",
            APL, APL_VERSION, PeriodUnit.CALENDAR_DAYS, 15, true, RollForwardPolicy.NEXT_WORKING_DAY, false, true,
            "[I] roll-forward by analogy to Civil Code Art. 203");

    // 行政处罚法 Art. 48 + 85: withdraw published information within 3 working days of a change or revocation.
    public static final DateRule T14_WITHDRAW_PUBLICITY = new DateRule("T14", "撤回公开信息", "withdraw published decision",
            "《中华人民共和国行政处罚法》第四十八条、第八十五条", "Administrative Penalty Law Art. 48, 85",
            APL, APL_VERSION, PeriodUnit.WORKING_DAYS, 3, true, RollForwardPolicy.NONE, false, false, "");

    // 行政复议法 Art. 20, 88 (+ 民事诉讼法 Art. 85): apply for reconsideration within 60 days.
    public static final DateRule T16_RECONSIDERATION = new DateRule("T16", "申请行政复议期限", "administrative reconsideration",
            "《中华人民共和国行政复议法》第二十条、第八十八条", "Administrative Reconsideration Law Art. 20, 88",
            ARL, ARL_VERSION, PeriodUnit.CALENDAR_DAYS, 60, true, RollForwardPolicy.NEXT_WORKING_DAY, false, false, "");

    // 行政诉讼法 Art. 46: sue within 6 months of knowing of the act.
    public static final DateRule T18_LITIGATION = new DateRule("T18", "提起行政诉讼期限", "administrative litigation",
            "《中华人民共和国行政诉讼法》第四十六条", "Administrative Litigation Law Art. 46",
            ALL, ALL_VERSION, PeriodUnit.MONTHS, 6, true, RollForwardPolicy.NEXT_WORKING_DAY, false, false, "");

    // 民事诉讼法 Art. 95: public-notice service is deemed made 30 days after publication.
    public static final DateRule T20_PUBLIC_NOTICE_SERVICE = new DateRule("T20", "公告送达", "service by public notice",
            "《中华人民共和国民事诉讼法》第九十五条", "Civil Procedure Law Art. 95",
            CPL, CPL_VERSION, PeriodUnit.CALENDAR_DAYS, 30, true, RollForwardPolicy.NONE, false, false, "");

    // 民事诉讼法 Art. 283: public-notice service on a party with no domicile in China, 60 days.
    public static final DateRule T20_PUBLIC_NOTICE_SERVICE_NO_DOMICILE = new DateRule("T20-NO-DOMICILE",
            "公告送达（在中国境内没有住所的当事人）", "service by public notice, party with no domicile in China",
            "《中华人民共和国民事诉讼法》第二百八十三条", "Civil Procedure Law Art. 283",
            CPL, CPL_VERSION, PeriodUnit.CALENDAR_DAYS, 60, true, RollForwardPolicy.NONE, false, false, "");

    public static List<DateRule> all() {
        return List.of(T2_SERVE_DECISION, T4_CASE_DECISION, T4_CASE_DECISION_EXTENSION, T7_HEARING_REQUEST,
                T8_HEARING_NOTICE, T10_FINE_PAYMENT, T14_WITHDRAW_PUBLICITY, T16_RECONSIDERATION, T18_LITIGATION,
                T20_PUBLIC_NOTICE_SERVICE, T20_PUBLIC_NOTICE_SERVICE_NO_DOMICILE);
    }
}
