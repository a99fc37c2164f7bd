package cn.gov.eco.platform.calendar;

import java.time.LocalDate;

/**
 * Consecutive rest days passed over for the same reason, e.g. {@code 2025-10-01..2025-10-08 国庆节}.
 *
 * @param phase COUNTING when skipped while counting working days, ROLL_FORWARD when passed over to reach the
 *              next working day after a raw end date on a rest day
 */
public record SkippedDays(LocalDate from, LocalDate to, DayKind kind, String reasonZh, String reasonEn, Phase phase) {

    public enum Phase { COUNTING, ROLL_FORWARD }

    public int days() {
        return (int) Math.abs(to.toEpochDay() - from.toEpochDay()) + 1;
    }

    /** e.g. {@code 2025-10-01..2025-10-08 国庆节} or {@code 2025-10-04 周末} for one day. */
    public String label() {
        return (from.equals(to) ? from.toString() : from + ".." + to) + " " + reasonZh;
    }
}
