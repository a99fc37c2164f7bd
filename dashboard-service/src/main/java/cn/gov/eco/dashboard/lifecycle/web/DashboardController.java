package cn.gov.eco.dashboard.lifecycle.web;

import cn.gov.eco.dashboard.lifecycle.application.DashboardQueries;
import cn.gov.eco.dashboard.lifecycle.application.LifecycleStore;
import cn.gov.eco.dashboard.lifecycle.infrastructure.DashboardActivity;
import cn.gov.eco.dashboard.lifecycle.infrastructure.InteractiveQueries;
import cn.gov.eco.dashboard.lifecycle.infrastructure.StatisticsExport;
import cn.gov.eco.dashboard.lifecycle.model.AnnualStatistics;
import cn.gov.eco.dashboard.lifecycle.model.DashboardFigures;
import cn.gov.eco.dashboard.lifecycle.model.Figure;
import cn.gov.eco.dashboard.lifecycle.model.Scope;
import cn.gov.eco.platform.security.Access;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.ProblemException;
import cn.gov.eco.platform.web.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static cn.gov.eco.contracts.identity.Role.AGENCY_HEAD;
import static cn.gov.eco.contracts.identity.Role.AUDITOR;
import static cn.gov.eco.contracts.identity.Role.DASHBOARD;

/**
 * The JSON API behind every chart of the page, for any other consumer too. Read-only; for the agency head, the
 * auditor and the {@code dashboard} client. {@code agency} chooses one issuing agency (absent: the province),
 * {@code from}/{@code to} the decision dates. Answers 503 while the state stores are being (re)built.
 */
@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "数据看板 / lifecycle dashboard", description = "Figures computed from the public topics only")
public class DashboardController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DashboardQueries queries;
    private final InteractiveQueries streams;
    private final DashboardActivity activity;
    private final LiveUpdates live;

    public DashboardController(DashboardQueries queries, InteractiveQueries streams, DashboardActivity activity,
                               LiveUpdates live) {
        this.queries = queries;
        this.streams = streams;
        this.activity = activity;
        this.live = live;
    }

    @GetMapping("/figures")
    @Access(roles = {AGENCY_HEAD, AUDITOR, DASHBOARD})
    @Operation(summary = "All figures: funnel, service, payment, publicity, repair, credit levels")
    public DashboardFigures figures(@RequestParam(required = false) String agency,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to) {
        return queries.figures(scope(agency, from, to));
    }

    @GetMapping("/funnel")
    @Access(roles = {AGENCY_HEAD, AUDITOR, DASHBOARD})
    @Operation(summary = "决定 → 两书送达 → 公示 → 申请修复 → 修复完成, and 两书同达 conformance")
    public DashboardFigures.Funnel funnel(@RequestParam(required = false) String agency,
                                          @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to) {
        return figures(agency, from, to).funnel();
    }

    @GetMapping("/service")
    @Access(roles = {AGENCY_HEAD, AUDITOR, DASHBOARD})
    @Operation(summary = "Decision to service against the 7-working-day limit: distribution, overdue now, by method")
    public DashboardFigures.Service service(@RequestParam(required = false) String agency,
                                            @RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to) {
        return figures(agency, from, to).service();
    }

    @GetMapping("/payment")
    @Access(roles = {AGENCY_HEAD, AUDITOR, DASHBOARD})
    @Operation(summary = "Fines due, paid, overdue, surcharge accrued, reminders and court applications")
    public DashboardFigures.Payment payment(@RequestParam(required = false) String agency,
                                            @RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to) {
        return figures(agency, from, to).payment();
    }

    @GetMapping("/publicity")
    @Access(roles = {AGENCY_HEAD, AUDITOR, DASHBOARD})
    @Operation(summary = "Active publicity by tier, ending this month, withdrawn after revocation (3 working days)")
    public DashboardFigures.Publicity publicity(@RequestParam(required = false) String agency,
                                                @RequestParam(required = false) String from,
                                                @RequestParam(required = false) String to) {
        return figures(agency, from, to).publicity();
    }

    @GetMapping("/repair")
    @Access(roles = {AGENCY_HEAD, AUDITOR, DASHBOARD})
    @Operation(summary = "Repair applications by status, time limits and breaches, approval and refusal rates, reasons")
    public DashboardFigures.Repair repair(@RequestParam(required = false) String agency,
                                          @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to) {
        return figures(agency, from, to).repair();
    }

    @GetMapping("/levels")
    @Access(roles = {AGENCY_HEAD, AUDITOR, DASHBOARD})
    @Operation(summary = "Credit levels and supervision tiers now, and this month's changes (province-wide)")
    public DashboardFigures.Levels levels() {
        return queries.figures(Scope.ALL).levels();
    }

    @GetMapping("/cases")
    @Access(roles = {AGENCY_HEAD, AUDITOR, DASHBOARD})
    @Operation(summary = "The list behind a figure; enterprise names only where the record was published")
    public DashboardQueries.CaseList cases(
            @Parameter(description = "one of the Figure names, e.g. DECIDED, SERVED, PAYMENT_OVERDUE")
            @RequestParam String figure,
            @RequestParam(required = false) String agency, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "200") int limit) {
        Figure f;
        try {
            f = Figure.valueOf(figure);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(new Violation("figure", "FIGURE_UNKNOWN",
                    "未知的指标，可选：" + Arrays.toString(Figure.values()),
                    "unknown figure; one of " + Arrays.toString(Figure.values())));
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException(new Violation("limit", "LIMIT_RANGE", "limit 须在 1 至 1000 之间",
                    "limit must be between 1 and 1000"));
        }
        return queries.list(f, scope(agency, from, to), limit);
    }

    @GetMapping("/agencies")
    @Access(roles = {AGENCY_HEAD, AUDITOR, DASHBOARD})
    @Operation(summary = "The issuing agencies seen in decisions")
    public List<String> agencies() {
        return queries.agencies();
    }

    @GetMapping("/annual")
    @Access(roles = {AGENCY_HEAD, AUDITOR, DASHBOARD})
    @Operation(summary = "The annual enforcement statistics (执法工作报告) of one year")
    public AnnualStatisticsView annual(@RequestParam(required = false) Integer year,
                                       @RequestParam(required = false) String agency) {
        AnnualStatistics stats = queries.annual(year(year), agency(agency));
        return new AnnualStatisticsView(stats, stats.rows());
    }

    public record AnnualStatisticsView(AnnualStatistics statistics, List<AnnualStatistics.Row> rows) {
    }

    @GetMapping("/annual.csv")
    @Access(roles = {AGENCY_HEAD, AUDITOR, DASHBOARD})
    @Operation(summary = "The annual statistics as CSV (UTF-8)")
    public ResponseEntity<byte[]> annualCsv(@RequestParam(required = false) Integer year,
                                            @RequestParam(required = false) String agency) {
        AnnualStatistics stats = queries.annual(year(year), agency(agency));
        return download(StatisticsExport.csv(stats), new MediaType("text", "csv", StandardCharsets.UTF_8),
                fileName(stats, "csv"));
    }

    @GetMapping("/annual.xlsx")
    @Access(roles = {AGENCY_HEAD, AUDITOR, DASHBOARD})
    @Operation(summary = "The annual statistics as XLSX")
    public ResponseEntity<byte[]> annualXlsx(@RequestParam(required = false) Integer year,
                                             @RequestParam(required = false) String agency) {
        AnnualStatistics stats = queries.annual(year(year), agency(agency));
        return download(StatisticsExport.xlsx(stats), XLSX, fileName(stats, "xlsx"));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Access(roles = {AGENCY_HEAD, AUDITOR, DASHBOARD})
    @Operation(summary = "Server-sent events: 'figures' whenever the figures changed")
    public SseEmitter stream() {
        return live.subscribe();
    }

    @GetMapping("/status")
    @Access(roles = {AGENCY_HEAD, AUDITOR, DASHBOARD})
    @Operation(summary = "The topology's state, records read per topic and records it could not read")
    public Map<String, Object> status() {
        return Map.of("state", streams.state().name(), "version", activity.version(),
                "readByTopic", activity.readByTopic(), "unreadableByTopic", activity.unreadableByTopic(),
                "liveSubscribers", live.subscribers());
    }

    @ExceptionHandler(LifecycleStore.NotReadyException.class)
    ResponseEntity<?> notReady(LifecycleStore.NotReadyException e) {
        throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "DASHBOARD_REBUILDING", null,
                "看板正在从公开主题重建状态，请稍后重试", "The dashboard is rebuilding its state from the topics; retry shortly: "
                + e.getMessage());
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static String fileName(AnnualStatistics stats, String ext) {
        return stats.year() + "年执法统计" + (stats.agency() == null ? "-全省" : "-" + stats.agency()) + "." + ext;
    }

    private int year(Integer year) {
        int y = year == null ? queries.today().getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new InvalidInputException(new Violation("year", "YEAR_RANGE", "年度须在 2000 至 2100 之间",
                    "year must be between 2000 and 2100"));
        }
        return y;
    }

    private static String agency(String agency) {
        if (agency == null || agency.isBlank()) {
            return null;
        }
        if (agency.length() > 100) {
            throw new InvalidInputException(new Violation("agency", "AGENCY_LENGTH", "机关名称不得超过100个字符",
                    "agency must be at most 100 characters"));
        }
        return agency.strip();
    }

    static Scope scope(String agency, String from, String to) {
        List<Violation> violations = new ArrayList<>();
        LocalDate f = date("from", from, violations);
        LocalDate t = date("to", to, violations);
        if (f != null && t != null && f.isAfter(t)) {
            violations.add(new Violation("to", "PERIOD_ORDER", "结束日期不得早于开始日期", "to must not be before from"));
        }
        String a = null;
        try {
            a = agency(agency);
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Scope(a, f, t);
    }

    private static LocalDate date(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "DATE_FORMAT", "日期格式须为 YYYY-MM-DD", "date must be YYYY-MM-DD"));
            return null;
        }
    }
}
