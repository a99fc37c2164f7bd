package cn.gov.eco.platform.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * How a date was computed, written by the computation itself ({@link WorkingDayCalendar#compute}); never
 * assembled separately. Every field is data a service can put in a REST response or an event as it is.
 *
 * @param rollForward null when the raw end was a working day or the rule does not roll forward
 * @param steps       replayable steps, see {@link DerivationStep}
 * @param provisional at least one day the computation looked at lies in a provisional year (no State Council notice
 *                    loaded): the sentences then end with {@link WorkingDayCalendar#provisionalNoteZh} and the date is
 *                    recomputed when the notice is loaded
 * @param provisionalYears the provisional years the computation looked at, ascending (empty when not provisional)
 */
public record DateDerivation(DateRule rule, String calendarVersion, String startEventZh, String startEventEn,
                             LocalDate startDate, PeriodUnit unit, int count, boolean startDayExcluded,
                             LocalDate rawEndDate, List<SkippedDays> skippedDays,
                             List<CountedAdjustedWorkday> countedAdjustedWorkdays, RollForward rollForward,
                             LocalDate result, List<DerivationStep> steps, String sentenceZh, String sentenceEn,
                             boolean provisional, List<Integer> provisionalYears) {

    public DateDerivation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(calendarVersion, "calendarVersion");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(rawEndDate, "rawEndDate");
        Objects.requireNonNull(result, "result");
        skippedDays = List.copyOf(skippedDays);
        countedAdjustedWorkdays = List.copyOf(countedAdjustedWorkdays);
        steps = List.copyOf(steps);
        provisionalYears = provisionalYears == null ? List.of() : List.copyOf(provisionalYears);
        if (provisional == provisionalYears.isEmpty()) {
            throw new IllegalArgumentException("provisional " + provisional + " but provisional years " + provisionalYears);
        }
    }

    /** Skipped-day ranges as a person reads them, e.g. {@code [2025-10-01..2025-10-08 国庆节]}. */
    public List<String> skippedDayLabels() {
        return skippedDays.stream().map(SkippedDays::label).toList();
    }
}
