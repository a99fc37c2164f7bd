package cn.gov.eco.dashboard.lifecycle.application;

import cn.gov.eco.dashboard.lifecycle.model.CaseLifecycle;
import cn.gov.eco.dashboard.lifecycle.model.RepairApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;

/**
 * How one event of enforcement.case.v1, notice.delivery.v1, credit.publicity.v1 or credit.repair.v1 changes a
 * case's lifecycle. Each event sets the fields it is about, whatever order the topics deliver in; an event id seen
 * before changes nothing (at-least-once delivery from the services' outboxes). Types the dashboard does not count
 * (e.g. LegalReviewRequested) only mark the event as seen.
 */
public final class CaseLifecycleFold {

    private final JsonMapper json;

    public CaseLifecycleFold(JsonMapper json) {
        this.json = json;
    }

    /** The case id an event belongs to: the credit topics are keyed by enterprise and carry it in the payload. */
    public String caseIdOf(ObservedEvent event) {
        return Json.text(json.readTree(event.payloadJson()), "caseId");
    }

    public CaseLifecycle apply(String caseId, ObservedEvent event, CaseLifecycle current) {
        CaseLifecycle c = current == null ? new CaseLifecycle(caseId) : current;
        if (!c.firstTime(event.eventId())) {
            return c;
        }
        JsonNode p = json.readTree(event.payloadJson());
        if (c.uscc == null) {
            c.uscc = Json.text(p, "uscc");
        }
        switch (event.typeName()) {
            case "CaseFiled" -> c.filedDate = Json.date(p, "filedDate");
            case "PenaltyDecided" -> decided(c, p);
            case "NoPenaltyDecided" -> c.noPenaltyDate = Json.date(p, "decisionDate");
            case "DecisionRevoked" -> c.revokedDate = Json.date(p, "effectiveDate");
            case "DecisionAmended" -> {
                BigDecimal fine = Json.money(p.path("amended"), "totalFine");
                if (fine != null) {
                    c.totalFine = fine;
                }
            }
            case "HearingHeld" -> c.hearingDate = Json.date(p, "hearingDate");
            case "LegalReviewPassed", "LegalReviewReturned" -> {
                c.legalReviews++;
                c.legalReviewDate = Json.date(p, "reviewedDate");
            }
            case "FinePaid" -> paid(c, p);
            case "PaymentOverdue" -> {
                c.paymentOverdue = true;
                c.paymentDueDate = Json.date(p, "dueDate");
                c.surchargeToDate = Json.money(p, "surchargeToDate");
                c.outstanding = Json.money(p, "outstanding");
            }
            case "ReminderServed" -> c.reminders++;
            case "CourtEnforcementRequested" -> c.courtRequestedDate = Json.date(p, "requestedDate");
            case "DualDeliveryPrepared" -> c.serveBy = Json.date(p, "serveBy");
            case "DeliveryOverdue" -> {
                c.deliveryOverdueReported = true;
                if (c.serveBy == null) {
                    c.serveBy = Json.date(p, "serveBy");
                }
            }
            case "DualDeliveryCompleted" -> served(c, p);
            case "DeliveryNonconforming" -> p.path("documentsNotServed").forEach(d -> {
                if (!c.documentsNotServed.contains(d.asString())) {
                    c.documentsNotServed.add(d.asString());
                }
            });
            case "PublicityOpened", "PublicityRepublished" -> {
                publicity(c, p);
                c.published = true;
                c.publishedEnterpriseName = Json.text(p, "enterpriseName");
            }
            case "PublicityNotPublished" -> {
                c.notPublished = true;
                c.publicityTier = Json.text(p, "severityTier");
            }
            case "PublicityMinimumPeriodElapsed", "PublicityExpired" -> publicity(c, p);
            case "PublicityTerminatedByRepair" -> {
                publicity(c, p);
                c.terminatedByRepair = true;
            }
            case "PublicityWithdrawn" -> {
                publicity(c, p);
                c.withdrawnOn = Json.date(p, "withdrawnOn");
                c.withdrawalTrigger = Json.text(p, "trigger");
                c.withdrawalDeadlineMet = Json.bool(p, "deadlineMet");
            }
            default -> {
                if (event.typeName().startsWith("Repair")) {
                    repair(c, event.typeName(), p);
                }
            }
        }
        return c;
    }

    private static void decided(CaseLifecycle c, JsonNode p) {
        c.decided = true;
        c.agency = Json.text(p, "issuingAgency");
        c.documentNumber = Json.text(p, "documentNumber");
        c.decisionDate = Json.date(p, "decisionDate");
        c.severityTier = Json.text(p, "severityTier");
        c.totalFine = Json.money(p, "totalFine");
        c.uscc = Json.text(p.path("enterprise"), "uscc");
        c.penaltyTypes.clear();
        p.path("penalties").forEach(pen -> {
            String name = Json.text(pen, "typeZh") != null ? Json.text(pen, "typeZh") : Json.text(pen, "type");
            if (name != null && !c.penaltyTypes.contains(name)) {
                c.penaltyTypes.add(name);
            }
        });
    }

    private static void paid(CaseLifecycle c, JsonNode p) {
        c.paid = Json.money(p, "totalPaid");
        c.surchargePaid = add(c.surchargePaid, Json.money(p, "surcharge"));
        c.paymentDueDate = Json.date(p, "dueDate");
        if (Boolean.TRUE.equals(Json.bool(p, "fullyPaid"))) {
            c.fullyPaid = true;
            c.paidDate = Json.date(p, "paidDate");
        }
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    private static void served(CaseLifecycle c, JsonNode p) {
        JsonNode act = p.path("serviceAct");
        c.servedDate = Json.date(act, "servedDate");
        c.serviceMethod = Json.text(act, "method");
        c.deemedServed = Boolean.TRUE.equals(Json.bool(act, "deemed"));
        c.conforming = Json.bool(p, "conforming");
        if (c.decisionDate == null) {
            c.decisionDate = Json.date(p.path("decision"), "decisionDate");
        }
        if (c.documentNumber == null) {
            c.documentNumber = Json.text(p.path("decision"), "documentNumber");
        }
    }

    private static void publicity(CaseLifecycle c, JsonNode p) {
        c.publicityStatus = Json.text(p, "status");
        c.publicityTier = Json.text(p, "severityTier");
        c.publicityStart = Json.date(p, "publicityStart");
        c.publicityEnd = Json.date(p, "maxPeriodEnd");
    }

    private static void repair(CaseLifecycle c, String type, JsonNode p) {
        String id = Json.text(p, "applicationId");
        if (id == null) {
            return; // RepairWindowOpened: no application yet
        }
        RepairApplication r = c.repair(id);
        String status = Json.text(p, "status");
        switch (type) {
            case "RepairApplicationSubmitted" -> {
                r.submittedDate = Json.date(p, "submittedDate");
                r.acceptanceDueBy = Json.date(p, "acceptanceDueBy");
            }
            case "RepairApplicationBlocked" -> {
                r.blocked = true;
                r.submittedDate = Json.date(p, "submittedDate");
            }
            case "RepairApplicationAccepted" -> {
                r.acceptedDate = Json.date(p, "acceptedDate");
                r.decisionDueBy = Json.date(p, "decisionDueBy");
            }
            case "RepairApplicationNotAccepted" -> refused(r, "NOT_ACCEPTED", Json.date(p, "decidedDate"), p);
            case "RepairDenied" -> refused(r, "DENIED", Json.date(p, "deniedDate"), p);
            case "RepairApproved" -> {
                r.outcome = "APPROVED";
                r.decidedDate = Json.date(p, "approvedDate");
                status = "APPROVED";
            }
            case "RepairResultSynced" -> r.syncOverdue = Json.bool(p, "overdue");
            case "RepairRevoked" -> status = "REVOKED";
            default -> {
            }
        }
        if (status != null) {
            r.status = status;
        }
    }

    private static void refused(RepairApplication r, String outcome, java.time.LocalDate on, JsonNode p) {
        r.outcome = outcome;
        r.decidedDate = on;
        r.refusalReason = Json.text(p, "reason");
    }
}
