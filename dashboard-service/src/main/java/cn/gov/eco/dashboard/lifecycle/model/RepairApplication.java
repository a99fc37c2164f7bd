package cn.gov.eco.dashboard.lifecycle.model;

import java.time.LocalDate;

/**
 * One credit repair application (信用修复申请) as the credit.repair.v1 events tell it, with the time limits the
 * service printed in them (acceptance 3 working days, result 7 (+10) working days, sync: DOMAIN.md §0.1 T29, [U]
 * settings of credit-service; the dashboard only compares the dates the events carry).
 */
public class RepairApplication {

    public String applicationId;
    /** the latest status: RECEIVED, BLOCKED, UNDER_REVIEW, SUPPLEMENT_REQUESTED, APPROVED, DENIED, NOT_ACCEPTED, WITHDRAWN, COMPLETED, REVOKED */
    public String status;
    public LocalDate submittedDate;
    public LocalDate acceptanceDueBy;
    public LocalDate acceptedDate;
    public LocalDate decisionDueBy;
    /** approved, denied or not accepted on */
    public LocalDate decidedDate;
    public String outcome;
    public String refusalReason;
    public Boolean syncOverdue;
    public boolean blocked;

    public boolean approved() {
        return "APPROVED".equals(outcome);
    }

    public boolean refused() {
        return "DENIED".equals(outcome) || "NOT_ACCEPTED".equals(outcome);
    }

    /** The acceptance decision came after its limit, or is still missing after it. */
    public boolean acceptanceBreached(LocalDate today) {
        if (acceptanceDueBy == null || blocked) {
            return false;
        }
        LocalDate acceptedOrRefused = acceptedDate != null ? acceptedDate
                : "NOT_ACCEPTED".equals(outcome) ? decidedDate : null;
        if (acceptedOrRefused == null) {
            return open() && today.isAfter(acceptanceDueBy);
        }
        return acceptedOrRefused.isAfter(acceptanceDueBy);
    }

    /** The result came after its limit, or is still missing after it. */
    public boolean decisionBreached(LocalDate today) {
        if (decisionDueBy == null) {
            return false;
        }
        if (decidedDate == null) {
            return open() && today.isAfter(decisionDueBy);
        }
        return decidedDate.isAfter(decisionDueBy);
    }

    /** Still waiting for the authority: received, under review or waiting for supplements. */
    public boolean open() {
        return outcome == null && !blocked && !"WITHDRAWN".equals(status);
    }
}
