package cn.gov.eco.dashboard.lifecycle.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the public topics say about one penalty case, from enforcement.case.v1, notice.delivery.v1, and the
 * case's publicity record and repair applications on credit.publicity.v1 / credit.repair.v1. Events of different
 * topics arrive in any order, so every field is set by its own event and no figure depends on their order; counted
 * events are counted once per event id ({@link #firstTime}).
 */
public class CaseLifecycle {

    public String caseId;
    /** 作出处罚决定的机关, from PenaltyDecided; null until the decision is seen */
    public String agency;
    public String uscc;
    public String documentNumber;
    public LocalDate filedDate;
    public LocalDate decisionDate;
    public boolean decided;
    public LocalDate noPenaltyDate;
    public String severityTier;
    /** the penalty types (行政处罚法 第九条) as the decision names them in Chinese (typeZh) */
    public List<String> penaltyTypes = new ArrayList<>();
    public BigDecimal totalFine;
    public LocalDate revokedDate;
    public LocalDate hearingDate;
    public int legalReviews;
    public LocalDate legalReviewDate;

    // 两书同达 (notice.delivery.v1)
    public LocalDate serveBy;
    public LocalDate servedDate;
    public String serviceMethod;
    public boolean deemedServed;
    public Boolean conforming;
    public boolean deliveryOverdueReported;
    public List<String> documentsNotServed = new ArrayList<>();

    // payment (enforcement.case.v1)
    public LocalDate paymentDueDate;
    public boolean fullyPaid;
    public LocalDate paidDate;
    public BigDecimal paid;
    public BigDecimal surchargePaid;
    public boolean paymentOverdue;
    public BigDecimal surchargeToDate;
    public BigDecimal outstanding;
    public int reminders;
    public LocalDate courtRequestedDate;

    // publicity (credit.publicity.v1): the enterprise's name only from a published record
    public boolean published;
    public boolean notPublished;
    public String publicityStatus;
    public String publicityTier;
    public String publishedEnterpriseName;
    public LocalDate publicityStart;
    public LocalDate publicityEnd;
    public LocalDate withdrawnOn;
    public String withdrawalTrigger;
    public Boolean withdrawalDeadlineMet;
    public boolean terminatedByRepair;

    public Map<String, RepairApplication> repairs = new LinkedHashMap<>();
    public Set<String> seen = new LinkedHashSet<>();

    public CaseLifecycle() {
    }

    public CaseLifecycle(String caseId) {
        this.caseId = caseId;
    }

    /** True the first time an event id is applied to this case, false for a redelivery. */
    public boolean firstTime(String eventId) {
        return seen.add(eventId);
    }

    public boolean revoked() {
        return revokedDate != null;
    }

    public boolean served() {
        return servedDate != null;
    }

    /** Served by the 7-working-day limit (行政处罚法 第六十一条) the delivery carried. */
    public boolean servedWithinLimit() {
        return served() && serveBy != null && !servedDate.isAfter(serveBy);
    }

    /** Decided, not served, and past the limit (or reported overdue by notice-service): 逾期未送达. */
    public boolean serviceOverdue(LocalDate today) {
        return decided && !revoked() && !served()
                && (deliveryOverdueReported || (serveBy != null && today.isAfter(serveBy)));
    }

    /** Calendar days from the decision to service. */
    public Long daysToService() {
        return decisionDate == null || servedDate == null ? null : ChronoUnit.DAYS.between(decisionDate, servedDate);
    }

    public boolean fined() {
        return decided && !revoked() && totalFine != null && totalFine.signum() > 0;
    }

    public boolean paymentDue() {
        return fined() && !fullyPaid;
    }

    public boolean paymentOverdueNow() {
        return paymentDue() && paymentOverdue;
    }

    /** Published and not yet ended: 公示中. */
    public boolean publicityActive() {
        return published && publicityStatus != null && switch (publicityStatus) {
            case "PUBLISHED_MIN_RUNNING", "PUBLISHED_REPAIRABLE", "REPUBLISHED", "PUBLISHED" -> true;
            default -> false;
        };
    }

    public boolean publicityEndingIn(LocalDate today) {
        return publicityActive() && publicityEnd != null && publicityEnd.getYear() == today.getYear()
                && publicityEnd.getMonth() == today.getMonth();
    }

    /** Withdrawn because the decision was revoked or amended (行政处罚法 第四十八条: 3 working days). */
    public boolean withdrawnAfterRevocation() {
        return withdrawnOn != null && withdrawalTrigger != null && withdrawalTrigger.startsWith("DECISION_");
    }

    public boolean repairApplied() {
        return repairs.values().stream().anyMatch(r -> !r.blocked);
    }

    public boolean repaired() {
        return terminatedByRepair || repairs.values().stream().anyMatch(r -> r.approved() && !"REVOKED".equals(r.status));
    }

    public RepairApplication repair(String applicationId) {
        return repairs.computeIfAbsent(applicationId, id -> {
            var r = new RepairApplication();
            r.applicationId = id;
            return r;
        });
    }
}
