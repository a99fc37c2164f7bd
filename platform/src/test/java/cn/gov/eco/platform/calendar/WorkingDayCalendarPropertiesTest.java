package cn.gov.eco.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class WorkingDayCalendarPropertiesTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.stateCouncil();

    /** Start dates whose computations stay inside the 2025–2026 coverage for the counts generated below. */
    @Provide
    Arbitrary<LocalDate> startDates() {
        return Arbitraries.integers().between(0, (int) (LocalDate.parse("2026-06-30").toEpochDay()
                - LocalDate.parse("2025-03-01").toEpochDay())).map(i -> LocalDate.parse("2025-03-01").plusDays(i));
    }

    @Provide
    Arbitrary<DateRule> rules() {
        Arbitrary<PeriodUnit> units = Arbitraries.of(PeriodUnit.WORKING_DAYS, PeriodUnit.CALENDAR_DAYS, PeriodUnit.MONTHS);
        return Combinators.combine(units, Arbitraries.integers().between(-30, 90), Arbitraries.of(RollForwardPolicy.class),
                Arbitraries.of(true, false)).as((unit, n, policy, excluded) -> {
                    int count = switch (unit) {
                        case WORKING_DAYS -> n / 3;
                        case MONTHS -> Math.max(0, n) / 15;
                        default -> n;
                    };
                    RollForwardPolicy p = count < 0 ? RollForwardPolicy.NONE : policy;
                    return new DateRule("P", "属性", "property", "属性", "property", "P", "1", unit, count, excluded, p,
                            false, false, "");
                });
    }

    @Property
    void replayingTheDerivationStepsReproducesTheDate(@ForAll("rules") DateRule rule, @ForAll("startDates") LocalDate start) {
        ComputedDate computed = calendar.compute(rule, "起算", "start", start);
        assertThat(DerivationReplayer.replay(computed.derivation())).isEqualTo(computed.date());
        assertThat(computed.derivation().result()).isEqualTo(computed.date());
    }

    @Property
    void catalogueRulesReplayToTheirDates(@ForAll("startDates") LocalDate start) {
        for (DateRule rule : StatutoryDateRules.all()) {
            ComputedDate computed = calendar.compute(rule, "起算", "start", start);
            assertThat(DerivationReplayer.replay(computed.derivation())).as(rule.id()).isEqualTo(computed.date());
        }
    }

    @Property
    void skippedDaysAreRestDaysAndCountedDaysAreWorkingDays(@ForAll("rules") DateRule rule,
                                                           @ForAll("startDates") LocalDate start) {
        DateDerivation d = calendar.compute(rule, "起算", "start", start).derivation();
        for (SkippedDays range : d.skippedDays()) {
            for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
                assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
            }
        }
        d.steps().stream().filter(s -> s.type() == DerivationStep.Type.COUNT_WORKING_DAY)
                .forEach(s -> assertThat(calendar.isWorkingDay(s.date())).as(s.date().toString()).isTrue());
        d.countedAdjustedWorkdays().forEach(a -> assertThat(calendar.describe(a.date()).kind()).isEqualTo(DayKind.ADJUSTED_WORKDAY));
    }

    @Property
    void addingWorkingDaysLandsOnAWorkingDayWithNMinusOneWorkingDaysBetween(
            @ForAll("startDates") LocalDate start, @ForAll @IntRange(min = 1, max = 40) int n) {
        LocalDate end = calendar.addWorkingDays(start, n);
        assertThat(calendar.isWorkingDay(end)).isTrue();
        assertThat(calendar.workingDaysBetween(start, end)).isEqualTo(n - 1);
        assertThat(calendar.workingDaysBetween(start, end.plusDays(1))).isEqualTo(n);
    }

    @Property
    void subtractingIsTheInverseOfAddingFromAWorkingDay(@ForAll("startDates") LocalDate start,
                                                        @ForAll @IntRange(min = 0, max = 30) int n) {
        LocalDate workingStart = calendar.rollForward(start);
        assertThat(calendar.subtractWorkingDays(calendar.addWorkingDays(workingStart, n), n)).isEqualTo(workingStart);
    }

    @Property
    void rollingForwardNeverMovesBackAndNeverPassesAWorkingDay(@ForAll("startDates") LocalDate date) {
        LocalDate rolled = calendar.rollForward(date);
        assertThat(rolled).isAfterOrEqualTo(date);
        assertThat(calendar.isWorkingDay(rolled)).isTrue();
        for (LocalDate d = date; d.isBefore(rolled); d = d.plusDays(1)) {
            assertThat(calendar.isWorkingDay(d)).isFalse();
        }
    }

    @Property
    void theSentencesNameTheResult(@ForAll("rules") DateRule rule, @ForAll("startDates") LocalDate start) {
        DateDerivation d = calendar.compute(rule, "起算", "start", start).derivation();
        // sentences are for people: the result as they write it, and no internal calendar version (that is data)
        assertThat(d.sentenceZh()).contains(Sentences.zhDate(d.result())).doesNotContain(calendar.calendarVersion());
        assertThat(d.sentenceEn()).contains(d.result().toString()).doesNotContain(calendar.calendarVersion());
        assertThat(d.calendarVersion()).isEqualTo(calendar.calendarVersion());
    }
}
