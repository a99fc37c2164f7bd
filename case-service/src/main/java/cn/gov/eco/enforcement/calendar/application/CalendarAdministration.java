package cn.gov.eco.enforcement.calendar.application;

import cn.gov.eco.enforcement.calendar.infrastructure.YearProposalRepository;
import cn.gov.eco.enforcement.calendar.model.YearProposal;
import cn.gov.eco.enforcement.calendar.model.YearProposalRules;
import cn.gov.eco.enforcement.decision.application.DecisionRecorder;
import cn.gov.eco.enforcement.execution.model.ExecutionDateRules;
import cn.gov.eco.platform.calendar.AdjustedWorkday;
import cn.gov.eco.platform.calendar.CalendarRevisedV1;
import cn.gov.eco.platform.calendar.CalendarYear;
import cn.gov.eco.platform.calendar.DateRule;
import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.calendar.HolidayRange;
import cn.gov.eco.platform.calendar.StatutoryDateRules;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.ProblemException;
import cn.gov.eco.platform.web.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;

/**
 * The working-day calendar's administration (工作日历维护), hosted by case-service: a calendar administrator loads a
 * year's State Council table (proposal), a second, different one approves it, and the approved year goes to every
 * service on {@code calendar.v1}. The read side answers what the calendar is and what a rule gives from a date.
 */
public class CalendarAdministration {

    private final WorkingDayCalendar calendar;
    private final YearProposalRepository repository;
    private final Clock clock;

    public CalendarAdministration(WorkingDayCalendar calendar, YearProposalRepository repository, Clock clock) {
        this.calendar = calendar;
        this.repository = repository;
        this.clock = clock;
    }

    // ---- requests and views -------------------------------------------------------------------------------------

    public record ProposeYear(Integer year, Source source, List<Holiday> holidays, List<Adjusted> adjustedWorkdays) {
    }

    public record Source(String documentId, String title, String issuedOn, String url) {
    }

    public record Holiday(String from, String to, String nameZh, String nameEn) {
    }

    public record Adjusted(String date, String holidayNameZh, String holidayNameEn) {
    }

    public record YearView(int year, boolean official, boolean provisional, int version, String sourceDocumentId,
                           String sourceTitle, List<HolidayRange> holidays, List<AdjustedWorkday> adjustedWorkdays) {

        static YearView of(CalendarYear y) {
            return new YearView(y.year(), y.official(), y.provisional(), y.version(), y.sourceDocumentId(),
                    y.sourceTitle(), y.holidays(), y.adjustedWorkdays());
        }
    }

    public record ProposalView(String id, int year, int version, String status, CalendarRevisedV1.Source source,
                               List<HolidayRange> holidays, List<AdjustedWorkday> adjustedWorkdays,
                               CalendarRevisedV1.Actor proposedBy, Instant proposedAt, CalendarRevisedV1.Actor approvedBy,
                               Instant approvedAt) {

        static ProposalView of(YearProposal p) {
            return new ProposalView(p.id(), p.year().year(), p.year().version(), p.status().name(), p.source(),
                    p.year().holidays(), p.year().adjustedWorkdays(), p.proposedBy(), p.proposedAt(), p.approvedBy(),
                    p.approvedAt());
        }
    }

    public record CalendarView(String calendarVersion, List<YearView> years, List<ProposalView> proposals) {
    }

    public record DeadlineView(String rule, String ruleNameZh, String ruleNameEn, LocalDate from, LocalDate date,
                               boolean provisional, String calendarVersion, ExplainedDate explained) {
    }

    // ---- commands -----------------------------------------------------------------------------------------------

    public ProposalView propose(Actor actor, ProposeYear r) {
        List<Violation> v = new ArrayList<>();
        if (r == null) {
            throw new InvalidInputException(new Violation("year", "REQUIRED", "请提交年度节假日安排", "A holiday table is required"));
        }
        int year = r.year() == null ? 0 : r.year();
        if (r.year() == null) {
            v.add(required("year", "年度", "the year"));
        } else if (year < YearProposalRules.FIRST_YEAR || year > YearProposalRules.LAST_YEAR) {
            v.add(new Violation("year", "YEAR_OUT_OF_RANGE", "年度须在" + YearProposalRules.FIRST_YEAR + "至"
                    + YearProposalRules.LAST_YEAR + "之间", "The year must lie between " + YearProposalRules.FIRST_YEAR
                    + " and " + YearProposalRules.LAST_YEAR));
        }
        if (r.source() == null || blank(r.source().documentId())) {
            v.add(required("source.documentId", "发文字号（如 国办发明电〔2026〕9号）", "the notice's document number"));
        }
        if (r.source() == null || blank(r.source().title())) {
            v.add(required("source.title", "通知标题及出处", "the notice's title and where it was read"));
        }
        LocalDate issuedOn = r.source() == null ? null : date(v, "source.issuedOn", r.source().issuedOn(), false);
        List<HolidayRange> holidays = new ArrayList<>();
        if (r.holidays() == null || r.holidays().isEmpty()) {
            v.add(required("holidays", "放假安排", "at least one holiday"));
        } else {
            for (int i = 0; i < r.holidays().size(); i++) {
                var h = r.holidays().get(i);
                String f = "holidays[" + i + "]";
                LocalDate from = date(v, f + ".from", h == null ? null : h.from(), true);
                LocalDate to = date(v, f + ".to", h == null ? null : h.to(), true);
                if (h != null && blank(h.nameZh())) {
                    v.add(required(f + ".nameZh", "节日名称", "the holiday's name in Chinese"));
                }
                if (h != null && blank(h.nameEn())) {
                    v.add(required(f + ".nameEn", "节日英文名称", "the holiday's name in English"));
                }
                if (from != null && to != null && to.isBefore(from)) {
                    v.add(new Violation(f + ".to", "RANGE_REVERSED", "结束日期早于开始日期", "The range ends before it starts"));
                } else if (from != null && to != null && !blank(h.nameZh()) && !blank(h.nameEn())) {
                    holidays.add(new HolidayRange(from, to, h.nameZh().strip(), h.nameEn().strip()));
                }
            }
        }
        List<AdjustedWorkday> adjusted = new ArrayList<>();
        if (r.adjustedWorkdays() != null) {
            for (int i = 0; i < r.adjustedWorkdays().size(); i++) {
                var a = r.adjustedWorkdays().get(i);
                String f = "adjustedWorkdays[" + i + "]";
                LocalDate d = date(v, f + ".date", a == null ? null : a.date(), true);
                if (a == null || blank(a.holidayNameZh()) || blank(a.holidayNameEn())) {
                    v.add(required(f + ".holidayNameZh", "所属节日名称（中英文）", "the holiday it belongs to (zh and en)"));
                } else if (d != null) {
                    try {
                        adjusted.add(new AdjustedWorkday(d, a.holidayNameZh().strip(), a.holidayNameEn().strip()));
                    } catch (IllegalArgumentException e) {
                        v.add(new Violation(f + ".date", "ADJUSTED_DAY_NOT_WEEKEND", "调休上班日须为周六或周日：" + d,
                                "An adjusted working day must be a Saturday or Sunday: " + d));
                    }
                }
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        int version = Math.max(calendar.isOfficial(year) ? calendar.year(year).version() : 0,
                repository.highestVersion(year)) + 1;
        var candidate = new CalendarYear(year, r.source().documentId().strip(), r.source().title().strip(), version,
                false, holidays, adjusted);
        List<Violation> rules = YearProposalRules.check(candidate);
        if (!rules.isEmpty()) {
            throw new InvalidInputException(rules);
        }
        if (repository.all().stream().anyMatch(p -> p.year().year() == year && p.status() == YearProposal.Status.PROPOSED)) {
            throw ProblemException.conflict("PROPOSAL_PENDING", "year", year + "年已有待核准的节假日安排，请先核准",
                    "A table for " + year + " is waiting for approval; approve it first");
        }
        Instant now = clock.instant();
        var proposal = new YearProposal(candidate, new CalendarRevisedV1.Source(candidate.sourceDocumentId(),
                candidate.sourceTitle(), issuedOn, blank(r.source().url()) ? null : r.source().url().strip()),
                new CalendarRevisedV1.Actor(actor.userId(), actor.name()), now, YearProposal.Status.PROPOSED, null, null);
        if (!repository.insert(proposal)) {
            throw ProblemException.conflict("PROPOSAL_PENDING", "year", year + "年第" + version + "版已提交",
                    "Version " + version + " of " + year + " was proposed already");
        }
        return ProposalView.of(proposal);
    }

    /** The second administrator's approval (四眼原则): the year takes effect in every service. */
    public ProposalView approve(Actor actor, int year, int version) {
        var p = repository.find(year, version)
                .orElseThrow(() -> ProblemException.notFound("工作日历年度提案", "calendar year proposal", YearProposal.id(year, version)));
        if (p.status() != YearProposal.Status.PROPOSED) {
            throw ProblemException.conflict("ALREADY_APPROVED", "version", year + "年第" + version + "版已核准",
                    "Version " + version + " of " + year + " is already approved");
        }
        if (!p.approvableBy(actor.userId())) {
            throw new ProblemException(HttpStatus.valueOf(422), "FOUR_EYES", "approvedBy",
                    "节假日安排须由另一名工作日历管理员核准，录入人不能核准自己录入的安排",
                    "Another calendar administrator must approve the table: whoever loaded it cannot approve it");
        }
        var approved = new YearProposal(p.year(), p.source(), p.proposedBy(), p.proposedAt(),
                YearProposal.Status.APPROVED, new CalendarRevisedV1.Actor(actor.userId(), actor.name()), clock.instant());
        if (!repository.approve(approved, calendar.calendarVersion())) {
            throw ProblemException.conflict("ALREADY_APPROVED", "version", year + "年第" + version + "版已核准",
                    "Version " + version + " of " + year + " is already approved");
        }
        return ProposalView.of(approved);
    }

    // ---- queries ------------------------------------------------------------------------------------------------

    /** The official years, then the provisional ones up to next year, and the proposals. */
    public CalendarView years() {
        List<YearView> years = new ArrayList<>(calendar.years().stream().map(YearView::of).toList());
        int lastOfficial = calendar.coveredTo().getYear();
        int until = Math.max(LocalDate.now(clock.withZone(DecisionRecorder.CHINA)).getYear() + 1, lastOfficial + 1);
        for (int y = lastOfficial + 1; y <= until; y++) {
            years.add(YearView.of(calendar.year(y)));
        }
        return new CalendarView(calendar.calendarVersion(), years,
                repository.all().stream().map(ProposalView::of).toList());
    }

    /** A rule's date from a start date, with its derivation (provisional where the year is). */
    public DeadlineView deadline(String ruleId, String from) {
        List<Violation> v = new ArrayList<>();
        DateRule rule = blank(ruleId) ? null : rules().get(ruleId.strip());
        if (rule == null) {
            v.add(new Violation("rule", "UNKNOWN_RULE", "未知的期限规则，可用：" + rules().keySet(),
                    "Unknown period rule; known: " + rules().keySet()));
        }
        LocalDate start = date(v, "from", from, true);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        var computed = ExplainedDate.of(calendar.compute(rule, "起算日", "start date", start));
        return new DeadlineView(rule.id(), rule.nameZh(), rule.nameEn(), start, computed.date(),
                computed.derivation().provisional(), computed.derivation().calendarVersion(), computed);
    }

    static Map<String, DateRule> rules() {
        Map<String, DateRule> m = new LinkedHashMap<>();
        Stream.concat(StatutoryDateRules.all().stream(),
                        Stream.of(ExecutionDateRules.T12_COURT_APPLICATION, ExecutionDateRules.T13_REMINDER))
                .forEach(r -> m.putIfAbsent(r.id(), r));
        return m;
    }

    private static LocalDate date(List<Violation> v, String field, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                v.add(required(field, "日期（yyyy-mm-dd）", "a date (yyyy-mm-dd)"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            v.add(new Violation(field, "INVALID_DATE", "日期格式须为 yyyy-mm-dd：" + value,
                    "A date must be written yyyy-mm-dd: " + value));
            return null;
        }
    }

    private static Violation required(String field, String zh, String en) {
        return new Violation(field, "REQUIRED", "缺少" + zh, "Missing " + en);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
