package cn.gov.eco.platform.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What happens to a deadline computed on a provisional year when the official table of that year is loaded
 * (DOMAIN §0.2), in one place for every service:
 * <ul>
 *   <li>a deadline <b>owed by the party</b> (payment, hearing request, statements, repair supplement) is never
 *       shortened: when the official table gives an earlier date the provisional one is kept [I];</li>
 *   <li>a deadline <b>owed by the agency</b> (serve-by, review limits, withdrawal) takes the official date, and is
 *       flagged when that date is already past on the day of the revision [I].</li>
 * </ul>
 * Both are interpretations, hence the switch {@code partyNeverShortened} (configuration, default on).
 */
public final class DeadlineRevision {

    /** Who must act by the deadline. */
    public enum Owner {
        PARTY, AGENCY
    }

    /**
     * @param previous    the deadline as it stood (computed on the provisional year)
     * @param recomputed  the same rule from the same start on the calendar with the official year
     * @param applied     the deadline from now on: {@code recomputed}, or {@code previous} when a party's deadline
     *                    would have been shortened
     * @param keptLater   a party's earlier official date was not applied
     * @param alreadyPast an agency's applied deadline is before the day of the revision
     */
    public record Outcome(Owner owner, ExplainedDate previous, ExplainedDate recomputed, ExplainedDate applied,
                          boolean keptLater, boolean alreadyPast) {

        /** Whether the date in force moved (then the service raises its revision event with both derivations). */
        public boolean dateChanged() {
            return !applied.date().equals(previous.date());
        }
    }

    private DeadlineRevision() {
    }

    public static Outcome revise(Owner owner, ExplainedDate previous, ExplainedDate recomputed, LocalDate today,
                                 boolean partyNeverShortened) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(recomputed, "recomputed");
        Objects.requireNonNull(today, "today");
        if (owner == Owner.PARTY && partyNeverShortened && recomputed.date().isBefore(previous.date())) {
            return new Outcome(owner, previous, recomputed, previous, true, false);
        }
        boolean past = owner == Owner.AGENCY && recomputed.date().isBefore(today);
        return new Outcome(owner, previous, recomputed, recomputed, false, past);
    }
}
