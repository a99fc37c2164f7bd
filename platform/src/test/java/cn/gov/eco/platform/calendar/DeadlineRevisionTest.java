package cn.gov.eco.platform.calendar;

import static cn.gov.eco.platform.calendar.StatutoryDateRules.T10_FINE_PAYMENT;
import static cn.gov.eco.platform.calendar.StatutoryDateRules.T2_SERVE_DECISION;
import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadlineRevisionTest {

    private final WorkingDayCalendar provisional = WorkingDayCalendar.fromClasspath(WorkingDayCalendar.STATE_COUNCIL_RESOURCE);
    private final WorkingDayCalendar official = WorkingDayCalendar.fromClasspath(WorkingDayCalendar.STATE_COUNCIL_RESOURCE);

    DeadlineRevisionTest() {
        official.load(ProvisionalYearTest.madeUp2027());
    }

    private ExplainedDate on(WorkingDayCalendar c, DateRule rule, String start) {
        return ExplainedDate.of(c.compute(rule, "起算", "start", parse(start)));
    }

    @Test
    void shouldNeverShortenAPartysDeadlineWhenTheOfficialTableMakesASundayAWorkingDay() {
        // received 2027-01-30: day 15 is Sun 02-14; provisionally a weekend → Mon 02-15; the (made-up) official table
        // makes 02-14 an adjusted working day → 02-14, one day shorter: the party keeps 02-15 [I]
        var before = on(provisional, T10_FINE_PAYMENT, "2027-01-30");
        var after = on(official, T10_FINE_PAYMENT, "2027-01-30");
        assertThat(before.date()).isEqualTo(parse("2027-02-15"));
        assertThat(after.date()).isEqualTo(parse("2027-02-14"));
        var outcome = DeadlineRevision.revise(DeadlineRevision.Owner.PARTY, before, after, parse("2027-02-01"), true);
        assertThat(outcome.applied()).isSameAs(before);
        assertThat(outcome.keptLater()).isTrue();
        assertThat(outcome.dateChanged()).isFalse();
        // the switch off ([I] is configuration): the official date applies
        assertThat(DeadlineRevision.revise(DeadlineRevision.Owner.PARTY, before, after, parse("2027-02-01"), false)
                .applied()).isSameAs(after);
    }

    @Test
    void shouldGiveAPartyTheLaterOfficialDate() {
        // received 2027-01-27: day 15 is Thu 02-11, inside the made-up 春节 02-05..02-13 → rolls to Sun 02-14 (worked)
        var before = on(provisional, T10_FINE_PAYMENT, "2027-01-27");
        var after = on(official, T10_FINE_PAYMENT, "2027-01-27");
        assertThat(after.date()).isAfter(before.date());
        var outcome = DeadlineRevision.revise(DeadlineRevision.Owner.PARTY, before, after, parse("2027-02-01"), true);
        assertThat(outcome.applied()).isSameAs(after);
        assertThat(outcome.dateChanged()).isTrue();
        assertThat(outcome.applied().derivation().provisional()).isFalse();
    }

    @Test
    void shouldGiveTheAgencyTheOfficialDateAndFlagItWhenAlreadyPast() {
        // decided 2027-02-01: serve by 02-12 provisionally; 02-17 on the made-up table (a later date: not past)
        var before = on(provisional, T2_SERVE_DECISION, "2027-02-01");
        var after = on(official, T2_SERVE_DECISION, "2027-02-01");
        var later = DeadlineRevision.revise(DeadlineRevision.Owner.AGENCY, before, after, parse("2027-02-10"), true);
        assertThat(later.applied().date()).isEqualTo(parse("2027-02-17"));
        assertThat(later.alreadyPast()).isFalse();
        // an official date earlier than the revision day is applied and flagged
        var past = DeadlineRevision.revise(DeadlineRevision.Owner.AGENCY, after, before, parse("2027-02-16"), true);
        assertThat(past.applied().date()).isEqualTo(parse("2027-02-12"));
        assertThat(past.alreadyPast()).isTrue();
    }
}
