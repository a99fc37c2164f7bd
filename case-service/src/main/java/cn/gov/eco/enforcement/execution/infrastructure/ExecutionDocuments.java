package cn.gov.eco.enforcement.execution.infrastructure;

import cn.gov.eco.enforcement.execution.model.Execution;
import cn.gov.eco.enforcement.execution.model.Payment;
import cn.gov.eco.platform.security.ActorRef;
import cn.gov.eco.contracts.identity.Role;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/**
 * The {@code execution} sub-document of a case. Dates are ISO strings as in the {@code decision} sub-document;
 * money is Decimal128 (fen-exact). Computed dates are not stored: they are recomputed, with their explanation, from
 * these inputs and the calendar version the case records.
 */
final class ExecutionDocuments {

    private ExecutionDocuments() {
    }

    static Document toBson(Execution e) {
        var s = e.service();
        return new Document("decisionId", e.decisionId())
                .append("documentNumber", e.documentNumber())
                .append("uscc", e.uscc())
                .append("originalFine", money(e.originalFine()))
                .append("service", new Document("servedDate", s.servedDate().toString())
                        .append("servedAt", s.servedAt() == null ? null : Date.from(s.servedAt()))
                        .append("method", s.method()).append("deemed", s.deemed())
                        .append("deliveryId", s.deliveryId()).append("actId", s.actId())
                        .append("eventId", s.eventId()))
                .append("deferral", e.deferral() == null ? null : new Document("approvedOn",
                        e.deferral().approvedOn().toString())
                        .append("deferredUntil", e.deferral().deferredUntil().toString())
                        .append("reason", e.deferral().reason()).append("approvedBy", actor(e.deferral().approvedBy())))
                .append("instalmentPlan", e.instalmentPlan() == null ? null : new Document("approvedOn",
                        e.instalmentPlan().approvedOn().toString())
                        .append("reason", e.instalmentPlan().reason())
                        .append("approvedBy", actor(e.instalmentPlan().approvedBy()))
                        .append("instalments", e.instalmentPlan().instalments().stream().map(i ->
                                new Document("number", i.number()).append("amount", money(i.amount()))
                                        .append("dueDate", i.dueDate().toString())).toList()))
                .append("payments", e.payments().stream().map(p -> new Document("paymentId", p.paymentId())
                        .append("paidDate", p.paidDate().toString()).append("amount", money(p.amount()))
                        .append("channel", p.channel()).append("reference", p.reference())
                        .append("recordedBy", actor(p.recordedBy()))
                        .append("recordedAt", p.recordedAt().toString())).toList())
                .append("rectification", e.rectification() == null ? null : new Document("verifiedDate",
                        e.rectification().verifiedDate().toString()).append("summary", e.rectification().summary())
                        .append("verifiedBy", actor(e.rectification().verifiedBy())))
                .append("reminder", e.reminder() == null ? null : new Document("servedDate",
                        e.reminder().servedDate().toString()).append("documentNumber", e.reminder().documentNumber())
                        .append("recordedBy", actor(e.reminder().recordedBy())))
                .append("courtEnforcement", e.courtEnforcement() == null ? null : new Document("requestedDate",
                        e.courtEnforcement().requestedDate().toString()).append("court", e.courtEnforcement().court())
                        .append("requestedBy", actor(e.courtEnforcement().requestedBy()))
                        .append("completedDate", date(e.courtEnforcement().completedDate())))
                .append("remedyOutcome", e.remedyOutcome() == null ? null : remedy(e.remedyOutcome()))
                .append("closedDate", date(e.closedDate()));
    }

    private static Document remedy(Execution.RemedyOutcome o) {
        return new Document("kind", o.kind().name()).append("source", o.source().name())
                .append("revocationOutcome", o.revocationOutcome())
                .append("effectiveDate", o.effectiveDate().toString()).append("reason", o.reason())
                .append("amended", o.amended() == null ? null : new Document("severityTier", o.amended().severityTier())
                        .append("penaltyTypes", o.amended().penaltyTypes())
                        .append("totalFine", money(o.amended().totalFine())))
                .append("recordedBy", actor(o.recordedBy()));
    }

    static Execution fromBson(String caseId, Document d) {
        Document s = d.get("service", Document.class);
        Date servedAt = s.getDate("servedAt");
        var service = new Execution.Service(LocalDate.parse(s.getString("servedDate")),
                servedAt == null ? null : servedAt.toInstant(), s.getString("method"),
                Boolean.TRUE.equals(s.getBoolean("deemed")), s.getString("deliveryId"), s.getString("actId"),
                s.getString("eventId"));
        Document def = d.get("deferral", Document.class);
        Document plan = d.get("instalmentPlan", Document.class);
        Document rect = d.get("rectification", Document.class);
        Document rem = d.get("reminder", Document.class);
        Document court = d.get("courtEnforcement", Document.class);
        Document out = d.get("remedyOutcome", Document.class);
        List<Payment> payments = d.getList("payments", Document.class, List.of()).stream().map(p -> new Payment(
                p.getString("paymentId"), LocalDate.parse(p.getString("paidDate")), money(p.get("amount")),
                p.getString("channel"), p.getString("reference"), actor(p.get("recordedBy", Document.class)),
                Instant.parse(p.getString("recordedAt")))).toList();
        return new Execution(caseId, d.getString("decisionId"), d.getString("documentNumber"), d.getString("uscc"),
                money(d.get("originalFine")), service,
                def == null ? null : new Execution.Deferral(LocalDate.parse(def.getString("approvedOn")),
                        LocalDate.parse(def.getString("deferredUntil")), def.getString("reason"),
                        actor(def.get("approvedBy", Document.class))),
                plan == null ? null : new Execution.InstalmentPlan(LocalDate.parse(plan.getString("approvedOn")),
                        plan.getList("instalments", Document.class).stream().map(i -> new Execution.Instalment(
                                i.getInteger("number"), money(i.get("amount")),
                                LocalDate.parse(i.getString("dueDate")))).toList(),
                        plan.getString("reason"), actor(plan.get("approvedBy", Document.class))),
                payments,
                rect == null ? null : new Execution.Rectification(LocalDate.parse(rect.getString("verifiedDate")),
                        rect.getString("summary"), actor(rect.get("verifiedBy", Document.class))),
                rem == null ? null : new Execution.Reminder(LocalDate.parse(rem.getString("servedDate")),
                        rem.getString("documentNumber"), actor(rem.get("recordedBy", Document.class))),
                court == null ? null : new Execution.CourtEnforcement(LocalDate.parse(court.getString("requestedDate")),
                        court.getString("court"), actor(court.get("requestedBy", Document.class)),
                        date(court.getString("completedDate"))),
                out == null ? null : remedy(out),
                date(d.getString("closedDate")));
    }

    private static Execution.RemedyOutcome remedy(Document o) {
        Document a = o.get("amended", Document.class);
        return new Execution.RemedyOutcome(Execution.RemedyOutcome.Kind.valueOf(o.getString("kind")),
                Execution.RemedySource.valueOf(o.getString("source")), o.getString("revocationOutcome"),
                LocalDate.parse(o.getString("effectiveDate")), o.getString("reason"),
                a == null ? null : new Execution.Amended(a.getString("severityTier"),
                        a.getList("penaltyTypes", String.class), money(a.get("totalFine"))),
                actor(o.get("recordedBy", Document.class)));
    }

    private static Decimal128 money(BigDecimal amount) {
        return amount == null ? null : new Decimal128(amount.setScale(2));
    }

    private static BigDecimal money(Object stored) {
        return stored == null ? null : ((Decimal128) stored).bigDecimalValue().setScale(2);
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static Document actor(ActorRef a) {
        return a == null ? null : new Document("userId", a.userId()).append("name", a.name())
                .append("role", a.role() == null ? null : a.role().name());
    }

    private static ActorRef actor(Document d) {
        if (d == null) {
            return null;
        }
        String role = d.getString("role");
        return new ActorRef(d.getString("userId"), d.getString("name"), role == null ? null : Role.valueOf(role));
    }
}
