package cn.gov.eco.dashboard.lifecycle.model;

import java.time.LocalDate;
import java.util.function.BiPredicate;

/**
 * The case figures of the dashboard, each with the rule that puts a case in it: the count on the page and the list
 * behind it ({@code /api/dashboard/cases?figure=...}) come from the same predicate, so they cannot disagree.
 */
public enum Figure {
    DECIDED("处罚决定", (c, today) -> c.decided),
    SERVED("两书同达", (c, today) -> c.decided && c.served()),
    PUBLISHED("信用公示", (c, today) -> c.published),
    REPAIR_APPLIED("申请信用修复", (c, today) -> c.repairApplied()),
    REPAIRED("修复完成", (c, today) -> c.repaired()),
    NONCONFORMING("两书未同达", (c, today) -> Boolean.FALSE.equals(c.conforming) || !c.documentsNotServed.isEmpty()),
    SERVED_LATE("超期送达", (c, today) -> c.served() && c.serveBy != null && !c.servedWithinLimit()),
    SERVICE_OVERDUE("逾期未送达", (c, today) -> c.serviceOverdue(today)),
    PAYMENT_DUE("罚款待缴", (c, today) -> c.paymentDue()),
    PAID("罚款已缴清", (c, today) -> c.fined() && c.fullyPaid),
    PAYMENT_OVERDUE("逾期未缴", (c, today) -> c.paymentOverdueNow()),
    REMINDED("已催告", (c, today) -> c.reminders > 0),
    COURT_REQUESTED("申请法院强制执行", (c, today) -> c.courtRequestedDate != null),
    PUBLICITY_ACTIVE("公示中", (c, today) -> c.publicityActive()),
    PUBLICITY_ENDING_THIS_MONTH("本月公示期满", (c, today) -> c.publicityEndingIn(today)),
    WITHDRAWN_AFTER_REVOCATION("撤销后撤下公示", (c, today) -> c.withdrawnAfterRevocation()),
    WITHDRAWN_LATE("撤下超过3个工作日", (c, today) -> c.withdrawnAfterRevocation()
            && Boolean.FALSE.equals(c.withdrawalDeadlineMet)),
    REPAIR_OPEN("修复审查中", (c, today) -> c.repairs.values().stream().anyMatch(RepairApplication::open)),
    REPAIR_BREACHED("修复办理超时", (c, today) -> c.repairs.values().stream()
            .anyMatch(r -> r.acceptanceBreached(today) || r.decisionBreached(today) || Boolean.TRUE.equals(r.syncOverdue))),
    REPAIR_REFUSED("修复不予受理或不予修复", (c, today) -> c.repairs.values().stream().anyMatch(RepairApplication::refused)),
    REVOKED("决定被撤销", (c, today) -> c.revoked());

    private final String zh;
    private final BiPredicate<CaseLifecycle, LocalDate> rule;

    Figure(String zh, BiPredicate<CaseLifecycle, LocalDate> rule) {
        this.zh = zh;
        this.rule = rule;
    }

    public String zh() {
        return zh;
    }

    public boolean includes(CaseLifecycle c, LocalDate today) {
        return rule.test(c, today);
    }
}
