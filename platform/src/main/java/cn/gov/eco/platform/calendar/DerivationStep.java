package cn.gov.eco.platform.calendar;

import java.time.LocalDate;

/**
 * One replayable step of a date computation. Replaying the steps in order, with plain date arithmetic and
 * without the calendar, gives the result.
 *
 * <ul>
 *   <li>{@code START}: {@code date} = start date.</li>
 *   <li>{@code COUNT_WORKING_DAY}: the next day in counting direction, a working day; {@code amount} = running count.</li>
 *   <li>{@code SKIP_REST_DAY}: the next day in counting direction, a rest day, not counted.</li>
 *   <li>{@code ADD_CALENDAR_DAYS}/{@code ADD_MONTHS}/{@code ADD_YEARS}: {@code date} = previous date plus {@code amount}
 *       (months/years: same-numbered day or month end, 民法典 Art. 202).</li>
 *   <li>{@code START_DAY_INCLUDED}: the start day is counted, so {@code date} = previous date + {@code amount} (∓1).</li>
 *   <li>{@code RAW_END}: the end date before any roll-forward.</li>
 *   <li>{@code ROLL_FORWARD_SKIP}: the next day, a rest day, passed over.</li>
 *   <li>{@code ROLL_FORWARD_TO}: the next day, the first working day; becomes the result if the roll-forward applies.</li>
 *   <li>{@code RESULT}: the computed date.</li>
 * </ul>
 */
public record DerivationStep(int seq, Type type, LocalDate date, int amount, DayKind dayKind, String reasonZh, String reasonEn) {

    public enum Type {
        START, COUNT_WORKING_DAY, SKIP_REST_DAY, ADD_CALENDAR_DAYS, ADD_MONTHS, ADD_YEARS, START_DAY_INCLUDED, RAW_END,
        ROLL_FORWARD_SKIP, ROLL_FORWARD_TO, RESULT
    }
}
