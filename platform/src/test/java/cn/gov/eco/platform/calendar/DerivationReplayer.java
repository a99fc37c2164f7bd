package cn.gov.eco.platform.calendar;

import java.time.LocalDate;

/**
 * Replays a derivation's steps with plain date arithmetic, using only the derivation's data (never the
 * calendar). Throws when the steps are not a consistent, gap-free account of the computation.
 */
final class DerivationReplayer {

    private DerivationReplayer() {
    }

    static LocalDate replay(DateDerivation d) {
        int direction = d.count() < 0 ? -1 : 1;
        int target = Math.abs(d.count());
        LocalDate current = null;
        LocalDate lastDay = null;        // last day visited while counting working days
        int counted = 0;
        LocalDate raw = null;
        LocalDate lastRollDay = null;
        LocalDate rollTo = null;
        LocalDate result = null;
        for (DerivationStep s : d.steps()) {
            switch (s.type()) {
                case START -> {
                    require(current == null && s.date().equals(d.startDate()), "START must come first", s);
                    current = s.date();
                }
                case COUNT_WORKING_DAY, SKIP_REST_DAY -> {
                    LocalDate expected = lastDay != null ? lastDay.plusDays(direction)
                            : d.startDayExcluded() ? current.plusDays(direction) : current;
                    require(s.date().equals(expected), "working-day walk must visit consecutive days", s);
                    lastDay = s.date();
                    if (s.type() == DerivationStep.Type.COUNT_WORKING_DAY) {
                        counted++;
                        require(s.amount() == counted, "running count", s);
                        current = s.date();
                    }
                }
                case ADD_CALENDAR_DAYS -> current = check(current.plusDays(s.amount()), s);
                case ADD_MONTHS -> current = check(current.plusMonths(s.amount()), s);
                case ADD_YEARS -> current = check(current.plusYears(s.amount()), s);
                case START_DAY_INCLUDED -> current = check(current.plusDays(s.amount()), s);
                case RAW_END -> {
                    if (d.unit() == PeriodUnit.WORKING_DAYS) {
                        require(counted == target, "counted " + counted + " of " + target, s);
                    }
                    raw = check(current, s);
                }
                case ROLL_FORWARD_SKIP -> {
                    LocalDate expected = lastRollDay == null ? raw : lastRollDay.plusDays(1);
                    require(s.date().equals(expected), "roll-forward must pass consecutive days from the raw end", s);
                    lastRollDay = s.date();
                }
                case ROLL_FORWARD_TO -> {
                    require(lastRollDay != null && s.date().equals(lastRollDay.plusDays(1)), "roll-forward target", s);
                    rollTo = s.date();
                }
                case RESULT -> {
                    result = rollTo != null && d.rule().rollForward() == RollForwardPolicy.NEXT_WORKING_DAY ? rollTo : raw;
                    require(s.date().equals(result), "result step", s);
                }
            }
        }
        require(result != null, "no RESULT step", null);
        return result;
    }

    private static LocalDate check(LocalDate replayed, DerivationStep s) {
        require(replayed.equals(s.date()), "replayed " + replayed, s);
        return replayed;
    }

    private static void require(boolean ok, String message, DerivationStep s) {
        if (!ok) {
            throw new AssertionError("replay failed: " + message + " at " + s);
        }
    }
}
