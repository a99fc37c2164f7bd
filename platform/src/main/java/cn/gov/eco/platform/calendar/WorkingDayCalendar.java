package cn.gov.eco.platform.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The State Council working-day calendar (国务院节假日安排): official years loaded from data (the shipped resource and
 * years approved at run time, {@link #load}), and a <b>provisional year</b> derived from the statutory holidays
 * ({@link StatutoryHolidays}) for every other year, so that no date is ever refused (DOMAIN §0.2).
 *
 * <p>Working day = Monday–Friday that is not a holiday, plus the adjusted working weekends (调休上班), which count
 * as working days [I] (DOMAIN §1.2). A date computed on a provisional year says so: {@link DateDerivation#provisional}
 * and a closing sentence in both languages.
 *
 * <p>Every period computation goes through {@link #compute}, which records its own derivation. The calendar is
 * thread-safe; {@link #load} swaps an immutable snapshot.
 */
public final class WorkingDayCalendar {

    /** The default data resource on the classpath. */
    public static final String STATE_COUNCIL_RESOURCE = "/calendar/cn-state-council.tsv";

    private static volatile WorkingDayCalendar stateCouncil;

    /** Official years as loaded, with the days they declare (entries may lie in the previous year). */
    private record Snapshot(String baseVersion, String calendarVersion, Map<Integer, CalendarYear> official,
                            Map<LocalDate, DayDescription> officialDays) {
    }

    private volatile Snapshot snapshot;
    private final Map<Integer, Map<LocalDate, DayDescription>> provisionalDays = new ConcurrentHashMap<>();
    private final Map<Integer, CalendarYear> provisionalYears = new ConcurrentHashMap<>();

    public WorkingDayCalendar(String calendarVersion, List<CalendarYear> years) {
        Objects.requireNonNull(calendarVersion, "calendarVersion");
        Map<Integer, CalendarYear> official = new TreeMap<>();
        for (CalendarYear y : years) {
            if (y.provisional()) {
                throw new IllegalArgumentException("year " + y.year() + " is provisional: only official years are loaded");
            }
            if (official.put(y.year(), y) != null) {
                throw new IllegalArgumentException("calendar year " + y.year() + " declared twice");
            }
        }
        this.snapshot = snapshot(calendarVersion, official);
    }

    private static Snapshot snapshot(String baseVersion, Map<Integer, CalendarYear> official) {
        Map<LocalDate, DayDescription> days = new HashMap<>();
        for (CalendarYear year : official.values()) {
            for (HolidayRange h : year.holidays()) {
                for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                    put(days, year, new DayDescription(d, DayKind.HOLIDAY, false, h.nameZh(), h.nameEn()));
                }
            }
            for (AdjustedWorkday a : year.adjustedWorkdays()) {
                put(days, year, new DayDescription(a.date(), DayKind.ADJUSTED_WORKDAY, true, a.holidayNameZh(), a.holidayNameEn()));
            }
        }
        return new Snapshot(baseVersion, versionOf(baseVersion, official.values()), Map.copyOf(new TreeMap<>(official)),
                Map.copyOf(days));
    }

    /** The base version of the shipped data, plus {@code +<year>v<n>} for each year loaded or corrected since. */
    private static String versionOf(String baseVersion, java.util.Collection<CalendarYear> years) {
        StringBuilder v = new StringBuilder(baseVersion);
        years.stream().filter(y -> y.sourceTitle().contains(RUNTIME_MARK) || y.version() > 1)
                .forEach(y -> v.append('+').append(y.year()).append('v').append(y.version()));
        return v.toString();
    }

    /** Marks a year loaded at run time (through the approval workflow) in its source title. */
    static final String RUNTIME_MARK = "[loaded at run time]";

    private static void put(Map<LocalDate, DayDescription> days, CalendarYear year, DayDescription day) {
        int y = day.date().getYear();
        if (y != year.year() && y != year.year() - 1) {
            throw new IllegalArgumentException("calendar entry " + day.date() + " lies outside year " + year.year()
                    + " and the end of the year before");
        }
        DayDescription previous = days.put(day.date(), day);
        if (previous != null) {
            throw new IllegalArgumentException("calendar date " + day.date() + " declared twice: " + previous.kind()
                    + " " + previous.holidayNameZh() + " and " + day.kind() + " " + day.holidayNameZh());
        }
    }

    /** The State Council calendar shipped in {@value #STATE_COUNCIL_RESOURCE}; never {@link #load} into this one. */
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

    /** Parses year blocks in the format of {@value #STATE_COUNCIL_RESOURCE} (e.g. a year to {@link #load}). */
    public static List<CalendarYear> parseYears(String calendarData) {
        return CalendarDataParser.parseYears(calendarData);
    }

    /**
     * Loads an official year approved at run time (or a corrected version of one): from now on dates in that year
     * are computed on it. A version not newer than the one loaded is ignored (replaying the calendar topic is
     * idempotent). Returns whether anything changed.
     */
    public synchronized boolean load(CalendarYear year) {
        Objects.requireNonNull(year, "year");
        if (year.provisional()) {
            throw new IllegalArgumentException("year " + year.year() + " is provisional: only official years are loaded");
        }
        Snapshot current = snapshot;
        CalendarYear loaded = current.official().get(year.year());
        if (loaded != null && loaded.version() >= year.version()) {
            return false;
        }
        CalendarYear marked = year.sourceTitle().contains(RUNTIME_MARK) ? year
                : new CalendarYear(year.year(), year.sourceDocumentId(), year.sourceTitle() + " " + RUNTIME_MARK,
                year.version(), false, year.holidays(), year.adjustedWorkdays());
        Map<Integer, CalendarYear> official = new TreeMap<>(current.official());
        official.put(year.year(), marked);
        snapshot = snapshot(current.baseVersion(), official); // validates before anything is swapped
        return true;
    }

    /** e.g. {@code CN-SC-2019.2026-v2}, {@code +2027v1} once 2027 is loaded; put it in every event that carries a date. */
    public String calendarVersion() {
        return snapshot.calendarVersion();
    }

    /** The official years, ascending. */
    public List<CalendarYear> years() {
        return List.copyOf(new TreeMap<>(snapshot.official()).values());
    }

    /** The year as the calendar uses it: the official table when loaded, else the provisional year. */
    public CalendarYear year(int year) {
        CalendarYear official = snapshot.official().get(year);
        return official != null ? official : provisionalYear(year);
    }

    public boolean isOfficial(int year) {
        return snapshot.official().containsKey(year);
    }

    /** First day of the first official year. */
    public LocalDate coveredFrom() {
        return LocalDate.of(snapshot.official().keySet().stream().min(Integer::compare).orElseThrow(), 1, 1);
    }

    /** Last day of the last official year. */
    public LocalDate coveredTo() {
        return LocalDate.of(snapshot.official().keySet().stream().max(Integer::compare).orElseThrow(), 12, 31);
    }

    /** Whether the date lies in an official year (else its days come from a provisional year; never refused). */
    public boolean covers(LocalDate date) {
        return isOfficial(date.getYear());
    }

    private CalendarYear provisionalYear(int year) {
        return provisionalYears.computeIfAbsent(year, StatutoryHolidays::provisionalYear);
    }

    private Map<LocalDate, DayDescription> provisionalDays(int year) {
        return provisionalDays.computeIfAbsent(year, y -> {
            Map<LocalDate, DayDescription> days = new HashMap<>();
            for (HolidayRange h : provisionalYear(y).holidays()) {
                for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                    days.put(d, new DayDescription(d, DayKind.HOLIDAY, false, h.nameZh(), h.nameEn(), true));
                }
            }
            return Map.copyOf(days);
        });
    }

    /** What the day is; never refuses a date (a day outside the official years is described provisionally). */
    public DayDescription describe(LocalDate date) {
        Objects.requireNonNull(date, "date");
        Snapshot s = snapshot;
        DayDescription special = s.officialDays().get(date);
        if (special != null) {
            return special;
        }
        boolean provisional = !s.official().containsKey(date.getYear());
        if (provisional) {
            special = provisionalDays(date.getYear()).get(date);
            if (special != null) {
                return special;
            }
        }
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return new DayDescription(date, DayKind.WEEKEND, false, "周末", "weekend", provisional);
        }
        return new DayDescription(date, DayKind.WORKDAY, true, null, null, provisional);
    }

    /**
     * The closing sentence of a date computed on provisional years, e.g.
     * （按法定节假日推算，国务院2027年放假安排公布后将重新核定）. For years before the first official year (whose notices
     * exist but are not loaded) it says 录入 (entered) instead of 公布 (published).
     */
    public String provisionalNoteZh(List<Integer> years) {
        String list = years.stream().map(y -> y + "年").collect(Collectors.joining("、"));
        return "（按法定节假日推算，国务院" + list + "放假安排" + (beforeOfficial(years) ? "录入" : "公布") + "后将重新核定）";
    }

    public String provisionalNoteEn(List<Integer> years) {
        String list = years.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return " (derived from the statutory holidays; to be re-checked once the State Council's " + list
                + " holiday arrangements are " + (beforeOfficial(years) ? "entered" : "published") + ")";
    }

    private boolean beforeOfficial(List<Integer> years) {
        int first = coveredFrom().getYear();
        return years.stream().allMatch(y -> y < first);
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
                    DayDescription day = rec.seen(describe(d));
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
            DayDescription rawDay = rec.seen(describe(raw));
            if (!rawDay.workingDay()) {
                // 民法典 Art. 203 / 民事诉讼法 Art. 85: a last day on a rest day moves to the day after the rest.
                LocalDate d = raw;
                DayDescription day = rawDay;
                while (!day.workingDay()) {
                    rec.step(DerivationStep.Type.ROLL_FORWARD_SKIP, d, 0, day.kind(), day.reasonZh(), day.reasonEn());
                    rec.skip(day, SkippedDays.Phase.ROLL_FORWARD);
                    d = d.plusDays(1);
                    day = rec.seen(describe(d));
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
        String calendarVersion = calendarVersion();
        List<Integer> provisional = List.copyOf(rec.provisionalYears);
        String zh = Sentences.zh(rule, startEventZh, start, skipped, rec.adjusted, raw, roll, result);
        String en = Sentences.en(rule, startEventEn, start, skipped, rec.adjusted, raw, roll, result);
        if (!provisional.isEmpty()) {
            zh = zh + provisionalNoteZh(provisional);
            en = en + provisionalNoteEn(provisional);
        }
        DateDerivation derivation = new DateDerivation(rule, calendarVersion, startEventZh, startEventEn, start,
                rule.unit(), rule.count(), rule.startDayExcluded(), raw, skipped, rec.adjusted, roll, result,
                rec.steps, zh, en, !provisional.isEmpty(), provisional);
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

        private final TreeSet<Integer> provisionalYears = new TreeSet<>();

        DayDescription seen(DayDescription day) {
            if (day.provisional()) {
                provisionalYears.add(day.date().getYear());
            }
            return day;
        }

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
        return "WorkingDayCalendar[" + calendarVersion() + ", official " + snapshot.official().keySet() + "]";
    }
}
