package cn.gov.eco.platform.calendar;

import cn.gov.eco.platform.publicity.PublicityDateRules;
import cn.gov.eco.platform.publicity.SeverityTier;

import static cn.gov.eco.platform.calendar.StatutoryDateRules.*;
import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.stateCouncil();

    private ComputedDate compute(DateRule rule, String start) {
        ComputedDate computed = calendar.compute(rule, "起算事件", "start event", parse(start));
        assertThat(DerivationReplayer.replay(computed.derivation())).isEqualTo(computed.date());
        return computed;
    }

    @Nested
    class CalendarData {

        @Test
        void shouldIdentifyTheDataVersionAndCoverage() {
            assertThat(calendar.calendarVersion()).isEqualTo("CN-SC-2019.2026-v2");
            assertThat(calendar.coveredFrom()).isEqualTo(parse("2019-01-01"));
            assertThat(calendar.coveredTo()).isEqualTo(parse("2026-12-31"));
            assertThat(calendar.years()).extracting(CalendarYear::sourceDocumentId).first().asString().startsWith("国办发明电〔2018〕15号");
            assertThat(calendar.years()).extracting(CalendarYear::year).containsExactly(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
            assertThat(calendar.years()).allSatisfy(y -> assertThat(y.sourceTitle()).contains("http"));
        }

        @ParameterizedTest(name = "{0} is {1} {2}")
        @CsvSource({
                "2025-01-01, HOLIDAY, 元旦", "2025-01-26, ADJUSTED_WORKDAY, 春节", "2025-01-28, HOLIDAY, 春节",
                "2025-02-04, HOLIDAY, 春节", "2025-02-08, ADJUSTED_WORKDAY, 春节", "2025-04-04, HOLIDAY, 清明节",
                "2025-04-27, ADJUSTED_WORKDAY, 劳动节", "2025-05-05, HOLIDAY, 劳动节", "2025-05-31, HOLIDAY, 端午节",
                "2025-06-02, HOLIDAY, 端午节", "2025-09-28, ADJUSTED_WORKDAY, 国庆节", "2025-10-04, HOLIDAY, 国庆节",
                "2025-10-08, HOLIDAY, 国庆节", "2025-10-11, ADJUSTED_WORKDAY, 国庆节", "2025-10-12, WEEKEND, 周末",
                "2025-10-09, WORKDAY, ", "2026-01-03, HOLIDAY, 元旦", "2026-01-04, ADJUSTED_WORKDAY, 元旦",
                "2026-02-14, ADJUSTED_WORKDAY, 春节", "2026-02-23, HOLIDAY, 春节", "2026-02-28, ADJUSTED_WORKDAY, 春节",
                "2026-04-06, HOLIDAY, 清明节", "2026-05-09, ADJUSTED_WORKDAY, 劳动节", "2026-06-19, HOLIDAY, 端午节",
                "2026-09-20, ADJUSTED_WORKDAY, 国庆节", "2026-09-25, HOLIDAY, 中秋节", "2026-09-27, HOLIDAY, 中秋节",
                "2026-09-28, WORKDAY, ", "2026-10-07, HOLIDAY, 国庆节", "2026-10-10, ADJUSTED_WORKDAY, 国庆节",
                "2026-03-07, WEEKEND, 周末"})
        void shouldDescribeEachKindOfDay(String date, DayKind kind, String name) {
            DayDescription day = calendar.describe(parse(date));
            assertThat(day.kind()).isEqualTo(kind);
            assertThat(day.holidayNameZh()).isEqualTo(name);
            assertThat(calendar.isWorkingDay(parse(date))).isEqualTo(kind == DayKind.WORKDAY || kind == DayKind.ADJUSTED_WORKDAY);
        }

        @Test
        void shouldComputeOutsideTheOfficialYearsOnAProvisionalYearAndSaySo() {
            assertThat(calendar.isWorkingDay(parse("2018-12-31"))).isFalse(); // 元旦 2019 from the 2019 notice
            assertThat(calendar.describe(parse("2018-12-31")).provisional()).isFalse();
            assertThat(calendar.describe(parse("2018-12-28")).provisional()).isTrue();
            assertThat(calendar.addWorkingDays(parse("2026-12-29"), 5)).isEqualTo(parse("2027-01-06"));
            ComputedDate due = compute(T10_FINE_PAYMENT, "2026-12-20");
            assertThat(due.date()).isEqualTo(parse("2027-01-04"));
            assertThat(due.derivation().provisional()).isTrue();
            assertThat(due.derivation().provisionalYears()).containsExactly(2027);
            assertThat(due.derivation().sentenceZh()).endsWith("（按法定节假日推算，国务院2027年放假安排公布后将重新核定）");
            assertThat(due.derivation().sentenceEn()).endsWith(
                    " (derived from the statutory holidays; to be re-checked once the State Council's 2027 holiday arrangements are published)");
        }

        @Test
        void shouldRejectInconsistentCalendarData() {
            String head = "version\tX\nyear\t2025\tdoc\n";
            assertThatThrownBy(() -> WorkingDayCalendar.fromText(head + "adjusted\t2025-01-27\t春节\tSpring Festival\n"))
                    .hasMessageContaining("line 3").hasMessageContaining("not a Saturday or Sunday");
            assertThatThrownBy(() -> WorkingDayCalendar.fromText(head
                    + "holiday\t2025-01-01\t2025-01-02\t元旦\tNY\nholiday\t2025-01-02\t2025-01-03\t元旦\tNY\n"))
                    .hasMessageContaining("declared twice");
            assertThatThrownBy(() -> WorkingDayCalendar.fromText(head + "holiday\t2026-01-01\t2026-01-01\t元旦\tNY\n"))
                    .hasMessageContaining("outside its 'year' block");
            assertThatThrownBy(() -> WorkingDayCalendar.fromText(head + "adjusted\t2023-12-30\t元旦\tNY\n"))
                    .hasMessageContaining("outside its 'year' block");
            assertThatThrownBy(() -> WorkingDayCalendar.fromText("year\t2025\tdoc\n")).hasMessageContaining("no version");
            assertThatThrownBy(() -> WorkingDayCalendar.fromText("version\tX\nyear\t2025\tdoc\nyear\t2025\tdoc\n"))
                    .hasMessageContaining("declared twice");
        }
    }

    @Nested
    class WorkingDayArithmetic {

        @Test
        void shouldGiveTheLatestHearingNoticeDateSevenWorkingDaysBeforeTheHearing() {
            // DOMAIN §9 #15
            ComputedDate latest = compute(T8_HEARING_NOTICE, "2025-10-15");
            assertThat(latest.date()).isEqualTo(parse("2025-09-29"));
            assertThat(calendar.subtractWorkingDays(parse("2025-10-15"), 7)).isEqualTo(parse("2025-09-29"));
            assertThat(parse("2025-09-30")).isAfter(latest.date());
            assertThat(latest.derivation().skippedDayLabels()).containsExactly("2025-10-12 周末", "2025-10-01..2025-10-08 国庆节");
            assertThat(latest.derivation().countedAdjustedWorkdays()).extracting(CountedAdjustedWorkday::label)
                    .containsExactly("2025-10-11 国庆节调休上班 counted");
            assertThat(latest.derivation().sentenceZh()).startsWith("以2025年10月15日（起算事件）为基准向前推算7个工作日")
                    .contains("最迟日为2025年9月29日");
        }

        @Test
        void shouldCountAdjustedWeekendsAndSkipNationalDayWhenServingADecision() {
            ComputedDate due = compute(T2_SERVE_DECISION, "2025-09-26");
            assertThat(due.date()).isEqualTo(parse("2025-10-13"));
            assertThat(due.derivation().skippedDayLabels())
                    .containsExactly("2025-09-27 周末", "2025-10-01..2025-10-08 国庆节", "2025-10-12 周末");
            assertThat(due.derivation().countedAdjustedWorkdays()).extracting(CountedAdjustedWorkday::date)
                    .containsExactly(parse("2025-09-28"), parse("2025-10-11"));
            assertThat(due.derivation().rollForward()).isNull();
        }

        @Test
        void shouldSkipSpringFestival2025ForTheHearingRequestWindow() {
            ComputedDate due = compute(T7_HEARING_REQUEST, "2025-01-24");
            assertThat(due.date()).isEqualTo(parse("2025-02-07"));
            assertThat(due.derivation().skippedDayLabels()).containsExactly("2025-01-25 周末", "2025-01-28..2025-02-04 春节");
            assertThat(due.derivation().countedAdjustedWorkdays()).extracting(CountedAdjustedWorkday::date)
                    .containsExactly(parse("2025-01-26"));
        }

        @Test
        void shouldSkipSpringFestival2026WhenWithdrawingPublicity() {
            ComputedDate due = compute(T14_WITHDRAW_PUBLICITY, "2026-02-12");
            assertThat(due.date()).isEqualTo(parse("2026-02-24"));
            assertThat(due.derivation().skippedDayLabels()).containsExactly("2026-02-15..2026-02-23 春节");
            assertThat(due.derivation().sentenceEn()).contains("skipped 2026-02-15..2026-02-23 Spring Festival holiday")
                    .contains("counted 2026-02-14 (adjusted working day for Spring Festival)");
        }

        @Test
        void shouldSkipDragonBoat2025() {
            ComputedDate due = compute(T2_SERVE_DECISION, "2025-05-27");
            assertThat(due.date()).isEqualTo(parse("2025-06-06"));
            assertThat(due.derivation().skippedDayLabels()).containsExactly("2025-05-31..2025-06-02 端午节");
        }

        @Test
        void shouldSkipMidAutumnAndNationalDay2026AsSeparateHolidays() {
            ComputedDate due = compute(T2_SERVE_DECISION.withCount(10), "2026-09-23");
            // 09-24, 09-28, 09-29, 09-30, 10-08, 10-09, 10-10 (Sat, adjusted), 10-12, 10-13, 10-14
            assertThat(due.date()).isEqualTo(parse("2026-10-14"));
            assertThat(due.derivation().skippedDayLabels())
                    .containsExactly("2026-09-25..2026-09-27 中秋节", "2026-10-01..2026-10-07 国庆节", "2026-10-11 周末");
        }

        @Test
        void shouldCountWorkingDaysStrictlyBetweenTwoDates() {
            assertThat(calendar.workingDaysBetween(parse("2025-09-30"), parse("2025-10-15"))).isEqualTo(5);
            assertThat(calendar.workingDaysBetween(parse("2025-09-29"), parse("2025-10-15"))).isEqualTo(6);
            assertThat(calendar.workingDaysBetween(parse("2025-03-10"), parse("2025-03-11"))).isZero();
            assertThatThrownBy(() -> calendar.workingDaysBetween(parse("2025-03-11"), parse("2025-03-10")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldCountTheStartDayWhenARuleSaysSo() {
            DateRule inclusive = new DateRule("X", "测试", "test", "测试", "test", "T", "1", PeriodUnit.WORKING_DAYS, 3,
                    false, RollForwardPolicy.NONE, false, false, "");
            assertThat(compute(inclusive, "2025-03-10").date()).isEqualTo(parse("2025-03-12"));
            assertThat(compute(inclusive.withCount(1), "2025-03-08").date()).isEqualTo(parse("2025-03-10"));
        }
    }

    @Nested
    class CalendarDayPeriods {

        @Test
        void shouldDueTheFineFifteenDaysAfterReceipt() {
            // DOMAIN §9 #7
            ComputedDate due = compute(T10_FINE_PAYMENT, "2025-03-12");
            assertThat(due.date()).isEqualTo(parse("2025-03-27"));
            assertThat(due.derivation().rollForward()).isNull();
            assertThat(due.derivation().skippedDays()).isEmpty();
        }

        @Test
        void shouldRollTheFineDeadlineOverNationalDayAndExplainIt() {
            // DOMAIN §9 #8
            ComputedDate due = calendar.compute(T10_FINE_PAYMENT, "收到处罚决定书", "receipt of the penalty decision",
                    parse("2025-09-16"));
            DateDerivation d = due.derivation();
            assertThat(due.date()).isEqualTo(parse("2025-10-09"));
            assertThat(d.rawEndDate()).isEqualTo(parse("2025-10-01"));
            assertThat(d.rollForward()).isEqualTo(new RollForward(parse("2025-10-01"), parse("2025-10-09"),
                    "国庆节假期", "National Day (with Mid-Autumn Festival) holiday", true));
            assertThat(d.skippedDays()).containsExactly(new SkippedDays(parse("2025-10-01"), parse("2025-10-08"),
                    DayKind.HOLIDAY, "国庆节", "National Day (with Mid-Autumn Festival) holiday", SkippedDays.Phase.ROLL_FORWARD));
            assertThat(d.rule().id()).isEqualTo("T10");
            assertThat(d.rule().ruleSetId()).isEqualTo("APL-2021");
            assertThat(d.calendarVersion()).isEqualTo("CN-SC-2019.2026-v2");
            assertThat(d.sentenceZh()).isEqualTo("自2025年9月16日（收到处罚决定书）起算15个日历日（起算日不计入），届满日2025年10月1日为国庆节假期，"
                    + "顺延至2025年10月9日（《中华人民共和国行政处罚法》第六十七条）。");
            assertThat(d.sentenceEn()).isEqualTo("15 calendar days from 2025-09-16 (receipt of the penalty decision), that day"
                    + " excluded: the last day 2025-10-01 is a rest day (National Day (with Mid-Autumn Festival) holiday),"
                    + " so the period ends on 2025-10-09 (Administrative Penalty Law Art. 67).");
            assertThat(DerivationReplayer.replay(d)).isEqualTo(parse("2025-10-09"));
        }

        @Test
        void shouldCountOverdueDaysAfterTheDueDateUpToThePaymentDate() {
            assertThat(WorkingDayCalendar.overdueCalendarDays(parse("2025-10-09"), parse("2025-10-20"))).isEqualTo(11);
            assertThat(WorkingDayCalendar.overdueCalendarDays(parse("2025-03-27"), parse("2025-04-10"))).isEqualTo(14);
            assertThat(WorkingDayCalendar.overdueCalendarDays(parse("2025-03-27"), parse("2025-03-27"))).isZero();
            assertThat(WorkingDayCalendar.overdueCalendarDays(parse("2025-03-27"), parse("2025-03-20"))).isZero();
        }

        @ParameterizedTest(name = "{0}: {1} + rule -> raw {2}, result {3} ({4})")
        @CsvSource({
                "T10, 2025-04-16, 2025-05-01, 2025-05-06, 2025-05-01..2025-05-05 劳动节",
                "T10, 2025-03-07, 2025-03-22, 2025-03-24, 2025-03-22..2025-03-23 周末",
                "T10, 2026-06-04, 2026-06-19, 2026-06-22, 2026-06-19..2026-06-21 端午节",
                "T10, 2026-09-10, 2026-09-25, 2026-09-28, 2026-09-25..2026-09-27 中秋节",
                "T10, 2025-12-17, 2026-01-01, 2026-01-04, 2026-01-01..2026-01-03 元旦",
                "T10, 2025-01-13, 2025-01-28, 2025-02-05, 2025-01-28..2025-02-04 春节",
                "T16, 2026-02-03, 2026-04-04, 2026-04-07, 2026-04-04..2026-04-06 清明节",
                "T16, 2026-08-02, 2026-10-01, 2026-10-08, 2026-10-01..2026-10-07 国庆节",
                "T16, 2025-02-04, 2025-04-05, 2025-04-07, 2025-04-05..2025-04-06 清明节",
                "T18, 2025-04-19, 2025-10-19, 2025-10-20, 2025-10-19 周末"})
        void shouldRollForwardOffRestDays(String ruleId, String start, String raw, String result, String skipped) {
            DateRule rule = StatutoryDateRules.all().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow();
            ComputedDate computed = compute(rule, start);
            assertThat(computed.derivation().rawEndDate()).isEqualTo(parse(raw));
            assertThat(computed.date()).isEqualTo(parse(result));
            assertThat(calendar.isWorkingDay(computed.date())).isTrue();
            assertThat(computed.derivation().skippedDayLabels()).containsExactly(skipped);
            assertThat(computed.derivation().sentenceZh()).contains("顺延至" + Sentences.zhDate(parse(result)));
        }

        @Test
        void shouldStopRollingOnAnAdjustedWorkingSunday() {
            ComputedDate due = compute(T10_FINE_PAYMENT, "2025-12-17");
            assertThat(due.date()).isEqualTo(parse("2026-01-04"));
            assertThat(calendar.describe(due.date()).kind()).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        }

        @Test
        void shouldAlertOnTheRawCaseDeadlineAndShowTheRollForwardAsInformation() {
            // DOMAIN §9 #13
            ComputedDate deadline = compute(T4_CASE_DECISION, "2025-01-06");
            assertThat(deadline.date()).isEqualTo(parse("2025-04-06"));
            assertThat(deadline.derivation().rollForward().applied()).isFalse();
            assertThat(deadline.derivation().rollForward().to()).isEqualTo(parse("2025-04-07"));
            assertThat(deadline.derivation().sentenceZh()).contains("届满日为2025年4月6日").contains("顺延日2025年4月7日仅供参考");
            ComputedDate extended = compute(T4_CASE_DECISION_EXTENSION, "2025-04-06");
            assertThat(extended.date()).isEqualTo(parse("2025-05-06"));
            assertThat(extended.derivation().rule().unverifiedNumber()).isTrue();
        }

        @Test
        void shouldDeemPublicNoticeServiceWithoutRollForward() {
            ComputedDate served = compute(T20_PUBLIC_NOTICE_SERVICE, "2025-09-01");
            assertThat(served.date()).isEqualTo(parse("2025-10-01"));
            assertThat(served.derivation().rollForward()).isNull();
            assertThat(compute(T20_PUBLIC_NOTICE_SERVICE_NO_DOMICILE, "2025-08-02").date()).isEqualTo(parse("2025-10-01"));
        }

        @Test
        void shouldNotNeedHolidayDataForAPeriodThatNeverConsultsIt() {
            ComputedDate far = calendar.compute(T20_PUBLIC_NOTICE_SERVICE, "公告", "notice", parse("2026-12-20"));
            assertThat(far.date()).isEqualTo(parse("2027-01-19"));
        }
    }

    @Nested
    class MonthPeriods {

        @ParameterizedTest(name = "{0} + {1} months = {2}")
        @CsvSource({"2025-03-31, 6, 2025-09-30", "2025-08-31, 6, 2026-02-28", "2023-11-30, 3, 2024-02-29",
                "2024-02-29, 12, 2025-02-28", "2025-01-31, 1, 2025-02-28", "2025-05-31, 1, 2025-06-30",
                "2025-03-10, 3, 2025-06-10", "2026-10-31, -1, 2026-09-30"})
        void shouldEndOnTheSameNumberedDayOrTheMonthEnd(String start, int months, String end) {
            assertThat(WorkingDayCalendar.addMonths(parse(start), months)).isEqualTo(parse(end));
        }

        @Test
        void shouldNotRollLitigationPeriodEndingOnAnAdjustedWorkingSaturday() {
            ComputedDate end = compute(T18_LITIGATION, "2025-08-31");
            assertThat(end.date()).isEqualTo(parse("2026-02-28"));
            assertThat(end.derivation().rollForward()).isNull();
            assertThat(end.derivation().steps()).extracting(DerivationStep::type).contains(DerivationStep.Type.ADD_MONTHS);
        }

        @Test
        void shouldComputeGeneralTierPublicityForScenario18() {
            // DOMAIN §9 #18: decided 2025-03-10 (Order 58 rule set), min 3 months, max 12 months
            PublicityDateRules rules = PublicityDateRules.defaults();
            LocalDate decided = parse("2025-03-10");
            DateRule min = rules.rule(decided, SeverityTier.GENERAL, PublicityDateRules.Bound.MINIMUM).orElseThrow();
            DateRule max = rules.rule(decided, SeverityTier.GENERAL, PublicityDateRules.Bound.MAXIMUM).orElseThrow();
            assertThat(min.ruleSetId()).isEqualTo("NDRC-ORDER-58");
            assertThat(min.unverifiedNumber()).isTrue();
            ComputedDate minEnd = compute(min, "2025-03-10");
            assertThat(minEnd.date()).isEqualTo(parse("2025-06-10"));
            assertThat(minEnd.date().plusDays(1)).isEqualTo(parse("2025-06-11"));
            assertThat(compute(max, "2025-03-10").date()).isEqualTo(parse("2026-03-10"));
        }

        @Test
        void shouldComputeMinorTierMaximumUnderOrder36ForScenario23() {
            PublicityDateRules rules = PublicityDateRules.defaults();
            DateRule max = rules.rule(parse("2026-05-06"), SeverityTier.MINOR, PublicityDateRules.Bound.MAXIMUM).orElseThrow();
            assertThat(max.ruleSetId()).isEqualTo("NDRC-ORDER-36");
            assertThat(max.ruleSetVersion()).isEqualTo("2026-04-01");
            assertThat(compute(max, "2026-05-06").date()).isEqualTo(parse("2026-08-06"));
            assertThat(rules.rule(parse("2026-05-06"), SeverityTier.MINOR, PublicityDateRules.Bound.MINIMUM)).isEmpty();
            // decided before Order 36 takes effect: Order 58 rule set, which has no minor tier
            assertThat(rules.parametersFor(parse("2026-03-20")).ruleSetId()).isEqualTo("NDRC-ORDER-58");
            assertThat(rules.rule(parse("2026-03-20"), SeverityTier.MINOR, PublicityDateRules.Bound.MAXIMUM)).isEmpty();
        }

        @Test
        void shouldComputeSeriousTierMaximumBeyondTheCalendarCoverage() {
            DateRule max = PublicityDateRules.defaults()
                    .rule(parse("2026-04-01"), SeverityTier.SERIOUS, PublicityDateRules.Bound.MAXIMUM).orElseThrow();
            assertThat(compute(max, "2026-04-01").date()).isEqualTo(parse("2029-04-01"));
        }
    }

    @Nested
    class Rules {

        @Test
        void shouldLetConfigurationOverrideACountAndSayItDid() {
            DateRule configured = T4_CASE_DECISION_EXTENSION.withCount(15);
            assertThat(configured.count()).isEqualTo(15);
            assertThat(configured.notes()).contains("count set by configuration: 15 (catalogue default 30)");
            assertThat(T4_CASE_DECISION_EXTENSION.withCount(30)).isSameAs(T4_CASE_DECISION_EXTENSION);
        }

        @Test
        void shouldRefuseToRollABackwardPeriodForward() {
            assertThatThrownBy(() -> T8_HEARING_NOTICE.withRollForward(RollForwardPolicy.NEXT_WORKING_DAY))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldCiteItsLegalSourceInEveryCatalogueRule() {
            assertThat(StatutoryDateRules.all()).allSatisfy(rule -> {
                assertThat(rule.legalSourceZh()).startsWith("《");
                // a rule without an article number must be one whose number is unverified
                assertThat(rule.legalSourceEn().contains("Art.") || rule.unverifiedNumber()).isTrue();
            });
            assertThat(StatutoryDateRules.all()).extracting(DateRule::id).doesNotHaveDuplicates();
        }

        @Test
        void shouldRollForwardADateOnlyWhenItIsARestDay() {
            assertThat(calendar.rollForward(parse("2025-10-01"))).isEqualTo(parse("2025-10-09"));
            assertThat(calendar.rollForward(parse("2025-10-11"))).isEqualTo(parse("2025-10-11"));
            assertThat(calendar.rollForward(parse("2025-03-10"))).isEqualTo(parse("2025-03-10"));
        }
    }
}
