package cn.gov.eco.dashboard.lifecycle.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The dashboard's figures for one {@link Scope} on one day, computed from the case lifecycles and the enterprises'
 * standings. Case counts use {@link Figure}'s rules, so every count has its list.
 */
public record DashboardFigures(Scope scope, LocalDate today, Funnel funnel, Service service, Payment payment,
                               Publicity publicity, Repair repair, Levels levels) {

    /** decisions → both documents served → published → repair applied → repaired; 两书同达 conformance. */
    public record Funnel(long decided, long served, long published, long repairApplied, long repaired,
                         Map<String, Long> servedByMethod, long completedDeliveries, long conforming,
                         long nonconforming, BigDecimal conformanceRate) {
    }

    /** Decision to service against the 7-working-day limit (行政处罚法 第六十一条). */
    public record Service(long withinLimit, long late, long overdueNow, Map<String, Long> daysToServiceDistribution,
                          Map<String, MethodTimes> byMethod) {
    }

    public record MethodTimes(long served, long withinLimit, BigDecimal averageDays) {
    }

    /** Fines: due, paid, overdue, the surcharge (加处罚款, 行政处罚法 第七十二条), reminders and court applications. */
    public record Payment(long fined, long due, long paid, long overdue, BigDecimal finesTotal, BigDecimal paidTotal,
                          BigDecimal outstandingOverdue, BigDecimal surchargeAccrued, long reminded,
                          long courtRequested) {
    }

    /** Active records by tier, ending this month, withdrawn after revocation and within 3 working days. */
    public record Publicity(long active, Map<String, Long> activeByTier, long endingThisMonth, long notPublished,
                            long withdrawnAfterRevocation, long withdrawnWithinLimit, long withdrawnLate) {
    }

    public record Repair(long applications, Map<String, Long> byStatus, Limit acceptance, Limit decision, Limit sync,
                         long approved, long refused, BigDecimal approvalRate, BigDecimal refusalRate,
                         Map<String, Long> refusalReasons) {
    }

    /** One time limit: decided within it, breached (late or still open past it). */
    public record Limit(long withinLimit, long breached) {
    }

    /** The enterprises' credit levels and supervision tiers now, and this month's changes (province-wide). */
    public record Levels(long enterprises, Map<String, Long> byLevel, Map<String, Long> bySupervisionTier,
                         Map<String, Long> levelChangesThisMonth, List<LevelChange> changesThisMonth) {
    }

    private static final List<String> DAY_BUCKETS = List.of("0–2天", "3–5天", "6–9天", "10–14天", "15天以上");

    public static DashboardFigures compute(Collection<CaseLifecycle> all, Collection<EnterpriseStanding> enterprises,
                                           Scope scope, LocalDate today) {
        List<CaseLifecycle> cases = all.stream().filter(scope::includes).toList();
        return new DashboardFigures(scope, today, funnel(cases, today), service(cases, today), payment(cases, today),
                publicity(cases, today), repair(cases, today), levels(enterprises, today));
    }

    public static long count(Collection<CaseLifecycle> cases, Figure figure, LocalDate today) {
        return cases.stream().filter(c -> figure.includes(c, today)).count();
    }

    private static Funnel funnel(List<CaseLifecycle> cases, LocalDate today) {
        List<CaseLifecycle> completed = cases.stream().filter(c -> c.conforming != null).toList();
        long conforming = completed.stream().filter(c -> c.conforming).count();
        return new Funnel(count(cases, Figure.DECIDED, today), count(cases, Figure.SERVED, today),
                count(cases, Figure.PUBLISHED, today), count(cases, Figure.REPAIR_APPLIED, today),
                count(cases, Figure.REPAIRED, today),
                group(cases.stream().filter(c -> Figure.SERVED.includes(c, today)).toList(), c -> c.serviceMethod),
                completed.size(), conforming, count(cases, Figure.NONCONFORMING, today),
                rate(conforming, completed.size()));
    }

    private static Service service(List<CaseLifecycle> cases, LocalDate today) {
        List<CaseLifecycle> served = cases.stream().filter(c -> c.decided && c.served()).toList();
        Map<String, Long> distribution = new java.util.LinkedHashMap<>();
        DAY_BUCKETS.forEach(b -> distribution.put(b, 0L));
        served.stream().map(CaseLifecycle::daysToService).filter(java.util.Objects::nonNull)
                .forEach(d -> distribution.merge(bucket(d), 1L, Long::sum));
        Map<String, MethodTimes> byMethod = new TreeMap<>();
        served.stream().map(c -> c.serviceMethod == null ? "UNKNOWN" : c.serviceMethod).distinct().forEach(m -> {
            List<CaseLifecycle> of = served.stream()
                    .filter(c -> m.equals(c.serviceMethod == null ? "UNKNOWN" : c.serviceMethod)).toList();
            double avg = of.stream().map(CaseLifecycle::daysToService).filter(java.util.Objects::nonNull)
                    .mapToLong(Long::longValue).average().orElse(0);
            byMethod.put(m, new MethodTimes(of.size(), of.stream().filter(CaseLifecycle::servedWithinLimit).count(),
                    BigDecimal.valueOf(avg).setScale(1, RoundingMode.HALF_UP)));
        });
        return new Service(served.stream().filter(CaseLifecycle::servedWithinLimit).count(),
                count(cases, Figure.SERVED_LATE, today), count(cases, Figure.SERVICE_OVERDUE, today), distribution,
                byMethod);
    }

    private static String bucket(long days) {
        if (days <= 2) {
            return DAY_BUCKETS.get(0);
        }
        if (days <= 5) {
            return DAY_BUCKETS.get(1);
        }
        if (days <= 9) {
            return DAY_BUCKETS.get(2);
        }
        return days <= 14 ? DAY_BUCKETS.get(3) : DAY_BUCKETS.get(4);
    }

    private static Payment payment(List<CaseLifecycle> cases, LocalDate today) {
        List<CaseLifecycle> fined = cases.stream().filter(CaseLifecycle::fined).toList();
        BigDecimal surcharge = BigDecimal.ZERO;
        for (CaseLifecycle c : fined) {
            if (c.fullyPaid) {
                surcharge = surcharge.add(orZero(c.surchargePaid));
            } else if (c.paymentOverdue) {
                surcharge = surcharge.add(orZero(c.surchargeToDate));
            }
        }
        return new Payment(fined.size(), count(cases, Figure.PAYMENT_DUE, today), count(cases, Figure.PAID, today),
                count(cases, Figure.PAYMENT_OVERDUE, today), sum(fined, c -> c.totalFine),
                sum(fined.stream().filter(c -> c.fullyPaid).toList(), c -> c.paid),
                sum(fined.stream().filter(CaseLifecycle::paymentOverdueNow).toList(), c -> c.outstanding), surcharge,
                count(cases, Figure.REMINDED, today), count(cases, Figure.COURT_REQUESTED, today));
    }

    private static Publicity publicity(List<CaseLifecycle> cases, LocalDate today) {
        List<CaseLifecycle> active = cases.stream().filter(CaseLifecycle::publicityActive).toList();
        long withdrawn = count(cases, Figure.WITHDRAWN_AFTER_REVOCATION, today);
        long late = count(cases, Figure.WITHDRAWN_LATE, today);
        return new Publicity(active.size(), group(active, c -> c.publicityTier),
                count(cases, Figure.PUBLICITY_ENDING_THIS_MONTH, today), cases.stream().filter(c -> c.notPublished).count(),
                withdrawn, cases.stream().filter(c -> c.withdrawnAfterRevocation()
                        && Boolean.TRUE.equals(c.withdrawalDeadlineMet)).count(), late);
    }

    private static Repair repair(List<CaseLifecycle> cases, LocalDate today) {
        List<RepairApplication> apps = cases.stream().flatMap(c -> c.repairs.values().stream()).toList();
        List<RepairApplication> decided = apps.stream().filter(r -> r.outcome != null).toList();
        long approved = decided.stream().filter(RepairApplication::approved).count();
        long refused = decided.stream().filter(RepairApplication::refused).count();
        Limit acceptance = new Limit(apps.stream().filter(r -> !r.blocked && r.acceptanceDueBy != null
                && (r.acceptedDate != null || "NOT_ACCEPTED".equals(r.outcome)) && !r.acceptanceBreached(today)).count(),
                apps.stream().filter(r -> r.acceptanceBreached(today)).count());
        Limit decision = new Limit(apps.stream().filter(r -> r.decisionDueBy != null && r.decidedDate != null
                && !r.decisionBreached(today)).count(), apps.stream().filter(r -> r.decisionBreached(today)).count());
        Limit sync = new Limit(apps.stream().filter(r -> Boolean.FALSE.equals(r.syncOverdue)).count(),
                apps.stream().filter(r -> Boolean.TRUE.equals(r.syncOverdue)).count());
        return new Repair(apps.size(), group(apps, r -> r.status), acceptance, decision, sync, approved, refused,
                rate(approved, decided.size()), rate(refused, decided.size()),
                group(apps.stream().filter(RepairApplication::refused).toList(), r -> r.refusalReason));
    }

    private static Levels levels(Collection<EnterpriseStanding> enterprises, LocalDate today) {
        List<LevelChange> thisMonth = enterprises.stream().flatMap(e -> e.changes.stream())
                .filter(c -> c.changedOn() != null && c.changedOn().getYear() == today.getYear()
                        && c.changedOn().getMonth() == today.getMonth())
                .sorted(java.util.Comparator.comparing(LevelChange::changedOn).reversed()).toList();
        List<EnterpriseStanding> rated = enterprises.stream().filter(e -> e.level != null).toList();
        return new Levels(rated.size(), group(rated, e -> e.level),
                group(enterprises.stream().filter(e -> e.supervisionTier != null).toList(), e -> e.supervisionTier),
                group(thisMonth.stream().filter(c -> LevelChange.LEVEL.equals(c.kind())).toList(),
                        c -> c.from() + "→" + c.to()),
                thisMonth.stream().limit(100).toList());
    }

    static <T> Map<String, Long> group(Collection<T> items, Function<T, String> key) {
        Map<String, Long> out = new TreeMap<>();
        for (T item : items) {
            String k = key.apply(item);
            out.merge(k == null ? "UNKNOWN" : k, 1L, Long::sum);
        }
        return out;
    }

    static BigDecimal sum(Collection<CaseLifecycle> cases, Function<CaseLifecycle, BigDecimal> amount) {
        return cases.stream().map(amount).map(DashboardFigures::orZero).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** A share as a percentage with one decimal, or null when nothing was counted. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP);
    }
}
