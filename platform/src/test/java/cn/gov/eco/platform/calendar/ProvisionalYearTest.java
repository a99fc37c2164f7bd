package cn.gov.eco.platform.calendar;

import static cn.gov.eco.platform.calendar.StatutoryDateRules.T10_FINE_PAYMENT;
import static cn.gov.eco.platform.calendar.StatutoryDateRules.T2_SERVE_DECISION;
import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvisionalYearTest {

    private static Set<LocalDate> restDays(CalendarYear year) {
        Set<LocalDate> days = new HashSet<>();
        for (HolidayRange h : year.holidays()) {
            for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return days;
    }

    static CalendarYear madeUp2027() {
        try (InputStream in = ProvisionalYearTest.class.getResourceAsStream("/calendar/fixture-2027-made-up.tsv") /* test-support */) {
            return WorkingDayCalendar.parseYears(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getFirst();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class StatutoryDays {

        @Test
        void shouldDerive2027FromOrder795WithTheLunarDatesAndTheQingmingSolarTerm() {
            CalendarYear y = StatutoryHolidays.provisionalYear(2027);
            assertThat(y.provisional()).isTrue();
            assertThat(y.version()).isZero();
            assertThat(y.sourceDocumentId()).isEqualTo("PROVISIONAL/国务院令第795号");
            assertThat(y.adjustedWorkdays()).isEmpty();
            assertThat(y.holidays()).extracting(h -> h.from() + ".." + h.to() + " " + h.nameZh()).containsExactly(
                    "2027-01-01..2027-01-01 元旦", "2027-02-05..2027-02-08 春节", "2027-04-05..2027-04-05 清明节",
                    "2027-05-01..2027-05-02 劳动节", "2027-06-09..2027-06-09 端午节", "2027-09-15..2027-09-15 中秋节",
                    "2027-10-01..2027-10-03 国庆节");
        }

        @Test
        void shouldMergeMidAutumnIntoNationalDayWhenTheyFallTogether() {
            // 2028: 中秋节 is 10月3日 (lunar 8-15), inside 国庆节 10月1日至3日: one rest day with both names, no extra day
            CalendarYear y = StatutoryHolidays.provisionalYear(2028);
            assertThat(y.holidays()).extracting(h -> h.from() + ".." + h.to() + " " + h.nameZh())
                    .contains("2028-10-01..2028-10-02 国庆节", "2028-10-03..2028-10-03 中秋节、国庆节")
                    .doesNotContain("2028-10-04..2028-10-04 中秋节");
        }

        @Test
        void shouldApplyTheVersionOfTheHolidayLawInForceInTheYear() {
            assertThat(StatutoryHolidays.Version.forYear(2024)).isEqualTo(StatutoryHolidays.Version.ORDER_644);
            assertThat(StatutoryHolidays.Version.forYear(2010)).isEqualTo(StatutoryHolidays.Version.ORDER_513);
            assertThat(StatutoryHolidays.Version.forYear(2005)).isEqualTo(StatutoryHolidays.Version.ORDER_270);
            // 2018 (Order 644): 春节 正月初一至初三 = 02-16..02-18, 劳动节 1 day
            assertThat(StatutoryHolidays.provisionalYear(2018).holidays()).extracting(h -> h.from() + ".." + h.to() + " " + h.nameZh())
                    .contains("2018-02-16..2018-02-18 春节", "2018-05-01..2018-05-01 劳动节");
            // 2005 (Order 270): 劳动节 3 days, no 清明
            assertThat(StatutoryHolidays.provisionalYear(2005).holidays()).extracting(HolidayRange::nameZh)
                    .contains("劳动节").doesNotContain("清明节", "端午节", "中秋节");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026})
        void shouldDeriveOnlyDaysThatThePublishedNoticeAlsoGivesAsRestDays(int year) {
            // every statutory day is a rest day in the notice: the provisional year can only miss bridging days
            CalendarYear official = WorkingDayCalendar.stateCouncil().year(year);
            assertThat(official.provisional()).isFalse();
            Set<LocalDate> provisional = restDays(StatutoryHolidays.provisionalYear(year));
            assertThat(provisional).isNotEmpty();
            assertThat(restDays(official)).containsAll(provisional);
        }
    }

    @Nested
    class Computation {

        @Test
        void shouldServeADecisionOf2026_12_28ByA2027DateFlaggedProvisional() {
            WorkingDayCalendar calendar = WorkingDayCalendar.fromClasspath(WorkingDayCalendar.STATE_COUNCIL_RESOURCE);
            ComputedDate serveBy = calendar.compute(T2_SERVE_DECISION, "作出处罚决定", "decision", parse("2026-12-28"));
            // 12-29, 12-30, 12-31; 01-01 元旦 (statutory); 01-02/03 weekend; 01-04..01-07
            assertThat(serveBy.date()).isEqualTo(parse("2027-01-07"));
            assertThat(serveBy.derivation().provisional()).isTrue();
            assertThat(serveBy.derivation().sentenceZh()).endsWith("（按法定节假日推算，国务院2027年放假安排公布后将重新核定）");
            assertThat(DerivationReplayer.replay(serveBy.derivation())).isEqualTo(serveBy.date());
        }

        @Test
        void shouldNotFlagADateComputedOnOfficialYearsOnly() {
            ComputedDate due = WorkingDayCalendar.stateCouncil().compute(T10_FINE_PAYMENT, "收到", "received", parse("2026-03-12"));
            assertThat(due.derivation().provisional()).isFalse();
            assertThat(due.derivation().provisionalYears()).isEmpty();
            assertThat(due.derivation().sentenceZh()).doesNotContain("按法定节假日推算");
        }

        @Test
        void shouldNotFlagMonthCountsThatNeedNoHolidayTable() {
            DateRule sixMonths = new DateRule("TEST-M", "六个月", "six months", "测试", "test", "T", "1",
                    PeriodUnit.MONTHS, 6, true, RollForwardPolicy.NONE, false, false, "");
            ComputedDate end = WorkingDayCalendar.stateCouncil().compute(sixMonths, "决定", "decision", parse("2012-03-10"));
            assertThat(end.date()).isEqualTo(parse("2012-09-10"));
            assertThat(end.derivation().provisional()).isFalse();
        }

        @Test
        void shouldSayEnteredRatherThanPublishedForYearsBeforeTheFirstOfficialYear() {
            ComputedDate d = WorkingDayCalendar.stateCouncil().compute(T2_SERVE_DECISION, "决定", "decision", parse("2018-06-01"));
            assertThat(d.derivation().provisionalYears()).containsExactly(2018);
            assertThat(d.derivation().sentenceZh()).endsWith("（按法定节假日推算，国务院2018年放假安排录入后将重新核定）");
        }
    }

    @Nested
    class LoadingAnOfficialYear {

        @Test
        void shouldComputeOnTheLoadedYearAndChangeTheCalendarVersion() {
            WorkingDayCalendar calendar = WorkingDayCalendar.fromClasspath(WorkingDayCalendar.STATE_COUNCIL_RESOURCE);
            String before = calendar.calendarVersion();
            assertThat(calendar.load(madeUp2027())).isTrue();
            assertThat(calendar.calendarVersion()).isEqualTo(before + "+2027v1");
            assertThat(calendar.isOfficial(2027)).isTrue();
            ComputedDate serveBy = calendar.compute(T2_SERVE_DECISION, "作出处罚决定", "decision", parse("2026-12-28"));
            // made-up table: 01-01..01-03 rest, so still 01-07; no longer provisional
            assertThat(serveBy.date()).isEqualTo(parse("2027-01-07"));
            assertThat(serveBy.derivation().provisional()).isFalse();
            // 2027-02-01 + 7 WD: provisional 春节 02-05..02-08 gives 02-12; the made-up table (02-05..02-13, 02-14 worked) gives 02-17
            assertThat(calendar.addWorkingDays(parse("2027-02-01"), 7)).isEqualTo(parse("2027-02-17"));
            assertThat(WorkingDayCalendar.stateCouncil().addWorkingDays(parse("2027-02-01"), 7)).isEqualTo(parse("2027-02-12"));
            assertThat(calendar.load(madeUp2027())).as("same version again").isFalse();
        }

        @Test
        void shouldRejectAnInconsistentYearAndKeepTheCalendarAsItWas() {
            WorkingDayCalendar calendar = WorkingDayCalendar.fromClasspath(WorkingDayCalendar.STATE_COUNCIL_RESOURCE);
            CalendarYear broken = new CalendarYear(2027, "X", "x", 1, false,
                    List.of(new HolidayRange(parse("2027-01-01"), parse("2027-01-02"), "元旦", "NY"),
                            new HolidayRange(parse("2027-01-02"), parse("2027-01-03"), "元旦", "NY")), List.of());
            assertThatThrownBy(() -> calendar.load(broken)).hasMessageContaining("declared twice");
            assertThat(calendar.isOfficial(2027)).isFalse();
            assertThat(calendar.calendarVersion()).isEqualTo("CN-SC-2019.2026-v2");
        }
    }
}
