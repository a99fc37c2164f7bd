package cn.gov.eco.platform.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The State Council working-day calendar (国务院节假日安排), loaded from data and never computed.
 *
 * <p>Working day = Monday–Friday that is not a statutory holiday, plus the adjusted working weekends
 * (调休上班), which count as working days [I] (DOMAIN §1.2). A date outside the loaded years throws
 * {@link DateOutsideCalendarException}: holidays are never guessed.
 *
 * <p>Every period computation goes through {@link #compute}, which records its own derivation.
 */
public final class WorkingDayCalendar {

    /** The default data resource on the classpath. */
    public static final String STATE_COUNCIL_RESOURCE = "/calendar/cn-state-council.tsv";

    private static volatile WorkingDayCalendar stateCouncil;

    private final String calendarVersion;
    private final List<CalendarYear> years;
    private final LocalDate coveredFrom;
    private final LocalDate coveredTo;
    private final Map<LocalDate, DayDescription> specialDays;

    public WorkingDayCalendar(String calendarVersion, List<CalendarYear> years) {
        this.calendarVersion = Objects.requireNonNull(calendarVersion, "calendarVersion");
        if (years.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one year");
        }
        this.years = years.stream().sorted(Comparator.comparingInt(CalendarYear::year)).toList();
        for (int i = 1; i < this.years.size(); i++) {
            if (this.years.get(i).year() != this.years.get(i - 1).year() + 1) {
                throw new IllegalArgumentException("calendar years must be contiguous and unique: "
                        + this.years.stream().map(y -> String.valueOf(y.year())).collect(Collectors.joining(",")));
            }
        }
        this.coveredFrom = LocalDate.of(this.years.getFirst().year(), 1, 1);
        this.coveredTo = LocalDate.of(this.years.getLast().year(), 12, 31);
        Map<LocalDate, DayDescription> days = new HashMap<>();
        for (CalendarYear year : this.years) {
            for (HolidayRange h : year.holidays()) {
                for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                    put(days, new DayDescription(d, DayKind.HOLIDAY, false, h.nameZh(), h.nameEn()));
                }
            }
            for (AdjustedWorkday a : year.adjustedWorkdays()) {
                put(days, new DayDescription(a.date(), DayKind.ADJUSTED_WORKDAY, true, a.holidayNameZh(), a.holidayNameEn()));
            }
        }
        this.specialDays = Map.copyOf(days);
    }

    private void put(Map<LocalDate, DayDescription> days, DayDescription day) {
        if (day.date().isBefore(coveredFrom) || day.date().isAfter(coveredTo)) {
            throw new IllegalArgumentException("calendar entry " + day.date() + " lies outside the declared years");
        }
        DayDescription previous = days.put(day.date(), day);
        if (previous != null) {
            throw new IllegalArgumentException("calendar date " + day.date() + " declared twice: " + previous.kind()
                    + " " + previous.holidayNameZh() + " and " + day.kind() + " " + day.holidayNameZh());
        }
    }

    /** The State Council calendar shipped in {@value #STATE_COUNCIL_RESOURCE}. */
    public static WorkingDayCalendar stateCouncil() {
        WorkingDayCalendar result = stateCouncil;
        if (result == null) {
            synchronized (WorkingDayCalendar.class) {
                result = stateCouncil;
                if (result == null) {
                    result = fromClasspath(STATE_COUNCIL_RESOURCE);
                    stateCouncil = result;
                }
            }
        }
        return result;
    }

    public static WorkingDayCalendar fromClasspath(String resource) {
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("calendar resource not found: " + resource);
            }
            return CalendarDataParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar resource " + resource, e);
        }
    }

    /** Parses calendar data in the format of {@value #STATE_COUNCIL_RESOURCE}. */
    public static WorkingDayCalendar fromText(String calendarData) {
        return CalendarDataParser.parse(calendarData);
    }

    /** e.g. {@code CN-SC-2025.2026-v1}; put it in every event that carries a computed date. */
    public String calendarVersion() {
        return calendarVersion;
    }

    public List<CalendarYear> years() {
        return years;
    }

    public LocalDate coveredFrom() {
        return coveredFrom;
    }

    public LocalDate coveredTo() {
        return coveredTo;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(coveredFrom) && !date.isAfter(coveredTo);
    }

    public DayDescription describe(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (!covers(date)) {
            throw new DateOutsideCalendarException(date, coveredFrom, coveredTo, calendarVersion);
        }
        DayDescription special = specialDays.get(date);
        if (special != null) {
            return special;
        }
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return new DayDescription(date, DayKind.WEEKEND, false, "周末", "weekend");
        }
        return new DayDescription(date, DayKind.WORKDAY, true, null, null);
    }

    public boolean isWorkingDay(LocalDate date) {
        return describe(date).workingDay();
    }

    /** The date N working days after {@code start}; the start day is not counted (行政处罚法 Art. 85). */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        return compute(adHoc(PeriodUnit.WORKING_DAYS, workingDays, RollForwardPolicy.NONE), "起算日", "start", start).date();
    }

    /**
     * The date N working days before {@code date}, that date not counted: e.g. the latest day a hearing notice
     * may go out for a hearing on {@code date} (行政处罚法 Art. 64 + 85).
     */
    public LocalDate subtractWorkingDays(LocalDate date, int workingDays) {
        return compute(adHoc(PeriodUnit.WORKING_DAYS, -workingDays, RollForwardPolicy.NONE), "基准日", "reference day", date).date();
    }

    /** Working days strictly between two dates (both excluded); {@code to} must not be before {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        int n = 0;
        for (LocalDate d = from.plusDays(1); d.isBefore(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** Plain calendar-day arithmetic (start day not counted); needs no holiday data. */
    public static LocalDate addCalendarDays(LocalDate start, int days) {
        return start.plusDays(days);
    }

    /** Same-numbered day N months later, or that month's last day when it has no such day (民法典 Art. 202). */
    public static LocalDate addMonths(LocalDate start, int months) {
        return start.plusMonths(months);
    }

    /** The date itself when it is a working day, else the next working day (民法典 Art. 203; 民事诉讼法 Art. 85). */
    public LocalDate rollForward(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * Days after the due date up to and including the payment date (0 when paid on or before the due date): the
     * day count of the late-payment surcharge (行政处罚法 Art. 72).
     */
    public static long overdueCalendarDays(LocalDate dueDate, LocalDate paidDate) {
        return Math.max(0, ChronoUnit.DAYS.between(dueDate, paidDate));
    }

    private static DateRule adHoc(PeriodUnit unit, int count, RollForwardPolicy policy) {
        return new DateRule("AD-HOC", "期间计算", "period computation", "《中华人民共和国民法典》第二百零一条",
                "Civil Code Art. 201", "AD-HOC", "-", unit, count, true, policy, false, false, "");
    }

    /**
     * Computes {@code rule} from {@code start}, recording every decision it takes in the derivation.
     *
     * @param startEventZh what happened on {@code start}, e.g. 收到处罚决定书
     */
    public ComputedDate compute(DateRule rule, String startEventZh, String startEventEn, LocalDate start) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(start, "start");
        Recorder rec = new Recorder();
        rec.step(DerivationStep.Type.START, start, 0, null, null, null);
        int sign = Integer.signum(rule.count());
        int target = Math.abs(rule.count());

        LocalDate raw;
        switch (rule.unit()) {
            case WORKING_DAYS -> {
                // 行政处罚法 Art. 85 / 行政复议法 Art. 88: short periods count working days, holidays excluded.
                int step = sign == 0 ? 1 : sign;
                int counted = 0;
                raw = start;
                LocalDate d = rule.startDayExcluded() ? start.plusDays(step) : start;
                while (counted < target) {
                    DayDescription day = describe(d);
                    if (day.workingDay()) {
                        counted++;
                        raw = d;
                        rec.step(DerivationStep.Type.COUNT_WORKING_DAY, d, counted, day.kind(), day.reasonZh(), day.reasonEn());
                        if (day.kind() == DayKind.ADJUSTED_WORKDAY) {
                            rec.adjusted.add(new CountedAdjustedWorkday(d, day.holidayNameZh(), day.holidayNameEn()));
                        }
                    } else {
                        rec.step(DerivationStep.Type.SKIP_REST_DAY, d, counted, day.kind(), day.reasonZh(), day.reasonEn());
                        rec.skip(day, SkippedDays.Phase.COUNTING);
                    }
                    d = d.plusDays(step);
                }
            }
            case CALENDAR_DAYS, MONTHS, YEARS -> {
                // 民法典 Art. 201–202: the start day is not counted; months/years end on the same-numbered day or month end.
                DerivationStep.Type type = switch (rule.unit()) {
                    case CALENDAR_DAYS -> DerivationStep.Type.ADD_CALENDAR_DAYS;
                    case MONTHS -> DerivationStep.Type.ADD_MONTHS;
                    default -> DerivationStep.Type.ADD_YEARS;
                };
                raw = switch (rule.unit()) {
                    case CALENDAR_DAYS -> start.plusDays(rule.count());
                    case MONTHS -> start.plusMonths(rule.count());
                    default -> start.plusYears(rule.count());
                };
                rec.step(type, raw, rule.count(), null, null, null);
                if (!rule.startDayExcluded() && sign != 0) {
                    raw = raw.plusDays(-sign);
                    rec.step(DerivationStep.Type.START_DAY_INCLUDED, raw, -sign, null, "起算日计入", "start day counted");
                }
            }
            default -> throw new IllegalStateException("unknown unit " + rule.unit());
        }
        rec.step(DerivationStep.Type.RAW_END, raw, 0, null, null, null);

        LocalDate result = raw;
        RollForward roll = null;
        if (rule.rollForward() != RollForwardPolicy.NONE) {
            DayDescription rawDay = describe(raw);
            if (!rawDay.workingDay()) {
                // 民法典 Art. 203 / 民事诉讼法 Art. 85: a last day on a rest day moves to the day after the rest.
                LocalDate d = raw;
                DayDescription day = rawDay;
                while (!day.workingDay()) {
                    rec.step(DerivationStep.Type.ROLL_FORWARD_SKIP, d, 0, day.kind(), day.reasonZh(), day.reasonEn());
                    rec.skip(day, SkippedDays.Phase.ROLL_FORWARD);
                    d = d.plusDays(1);
                    day = describe(d);
                }
                rec.step(DerivationStep.Type.ROLL_FORWARD_TO, d, 0, day.kind(), day.reasonZh(), day.reasonEn());
                boolean applied = rule.rollForward() == RollForwardPolicy.NEXT_WORKING_DAY;
                roll = new RollForward(raw, d, restReasonZh(rawDay), restReasonEn(rawDay), applied);
                if (applied) {
                    result = d;
                }
            }
        }
        rec.step(DerivationStep.Type.RESULT, result, 0, null, null, null);

        List<SkippedDays> skipped = rec.skippedRanges();
        String zh = Sentences.zh(rule, calendarVersion, startEventZh, start, skipped, rec.adjusted, raw, roll, result);
        String en = Sentences.en(rule, calendarVersion, startEventEn, start, skipped, rec.adjusted, raw, roll, result);
        DateDerivation derivation = new DateDerivation(rule, calendarVersion, startEventZh, startEventEn, start,
                rule.unit(), rule.count(), rule.startDayExcluded(), raw, skipped, rec.adjusted, roll, result,
                rec.steps, zh, en);
        return new ComputedDate(result, derivation);
    }

    static String restReasonZh(DayDescription day) {
        return day.kind() == DayKind.HOLIDAY ? day.holidayNameZh() + "假期" : "周末";
    }

    static String restReasonEn(DayDescription day) {
        return day.kind() == DayKind.HOLIDAY ? day.holidayNameEn() + " holiday" : "weekend";
    }

    /** Collects steps and skipped days while {@link #compute} runs. */
    private static final class Recorder {
        private final List<DerivationStep> steps = new ArrayList<>();
        private final List<CountedAdjustedWorkday> adjusted = new ArrayList<>();
        private final List<Object[]> skippedDays = new ArrayList<>();

        void step(DerivationStep.Type type, LocalDate date, int amount, DayKind kind, String zh, String en) {
            steps.add(new DerivationStep(steps.size() + 1, type, date, amount, kind, zh, en));
        }

        void skip(DayDescription day, SkippedDays.Phase phase) {
            skippedDays.add(new Object[] {day, phase});
        }

        /** Groups consecutive skipped days with the same reason and phase into ranges, in the order visited. */
        List<SkippedDays> skippedRanges() {
            List<SkippedDays> ranges = new ArrayList<>();
            SkippedDays current = null;
            for (Object[] entry : skippedDays) {
                DayDescription day = (DayDescription) entry[0];
                SkippedDays.Phase phase = (SkippedDays.Phase) entry[1];
                if (current != null && current.phase() == phase && current.kind() == day.kind()
                        && current.reasonZh().equals(day.reasonZh())
                        && (day.date().equals(current.to().plusDays(1)) || day.date().equals(current.from().minusDays(1)))) {
                    current = day.date().isAfter(current.to())
                            ? new SkippedDays(current.from(), day.date(), current.kind(), current.reasonZh(), current.reasonEn(), phase)
                            : new SkippedDays(day.date(), current.to(), current.kind(), current.reasonZh(), current.reasonEn(), phase);
                    ranges.set(ranges.size() - 1, current);
                } else {
                    current = new SkippedDays(day.date(), day.date(), day.kind(), day.reasonZh(), day.reasonEn(), phase);
                    ranges.add(current);
                }
            }
            return ranges;
        }
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar[" + calendarVersion + ", " + coveredFrom + ".." + coveredTo + "]";
    }
}
