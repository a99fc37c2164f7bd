package cn.gov.eco.dashboard.lifecycle.application;

import cn.gov.eco.dashboard.lifecycle.model.AnnualStatistics;
import cn.gov.eco.dashboard.lifecycle.model.CaseLifecycle;
import cn.gov.eco.dashboard.lifecycle.model.ChinaTime;
import cn.gov.eco.dashboard.lifecycle.model.DashboardFigures;
import cn.gov.eco.dashboard.lifecycle.model.Figure;
import cn.gov.eco.dashboard.lifecycle.model.Scope;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The questions the page and the API answer, from the state stores only. Lists behind a figure show what publicity
 * makes public: the enterprise's name only where its record was published.
 */
public final class DashboardQueries {

    private final LifecycleStore store;
    private final Clock clock;
    private volatile Snapshot snapshot;

    private record Snapshot(long version, List<CaseLifecycle> cases) {
    }

    public DashboardQueries(LifecycleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public LocalDate today() {
        return ChinaTime.today(clock);
    }

    public DashboardFigures figures(Scope scope) {
        return DashboardFigures.compute(cases(), store.enterprises(), scope, today());
    }

    public AnnualStatistics annual(int year, String agency) {
        return AnnualStatistics.compute(cases(), year, agency);
    }

    /** The agencies that issued a decision seen on the topics. */
    public List<String> agencies() {
        return cases().stream().map(c -> c.agency).filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** One line of a list behind a figure. */
    public record CaseRow(String caseId, String documentNumber, String agency, LocalDate decisionDate,
                          BigDecimal totalFine, LocalDate servedDate, String serviceMethod, String publicityStatus,
                          String publishedEnterpriseName, List<String> repairStatuses) {
    }

    public record CaseList(Figure figure, String figureZh, long total, List<CaseRow> rows) {
    }

    public CaseList list(Figure figure, Scope scope, int limit) {
        LocalDate today = today();
        List<CaseLifecycle> matching = cases().stream().filter(scope::includes).filter(c -> figure.includes(c, today))
                .sorted(Comparator.comparing((CaseLifecycle c) -> c.decisionDate,
                        Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(c -> c.caseId))
                .toList();
        return new CaseList(figure, figure.zh(), matching.size(), matching.stream().limit(limit).map(c -> new CaseRow(
                c.caseId, c.documentNumber, c.agency, c.decisionDate, c.totalFine, c.servedDate, c.serviceMethod,
                c.publicityStatus, c.published ? c.publishedEnterpriseName : null,
                c.repairs.values().stream().map(r -> r.status).filter(Objects::nonNull).toList())).toList());
    }

    public long version() {
        return store.version();
    }

    private List<CaseLifecycle> cases() {
        long version = store.version();
        Snapshot s = snapshot;
        if (s == null || s.version() != version) {
            s = new Snapshot(version, store.cases());
            snapshot = s;
        }
        return s.cases();
    }
}
