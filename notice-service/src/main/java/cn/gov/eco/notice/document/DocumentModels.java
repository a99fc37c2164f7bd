package cn.gov.eco.notice.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.gov.eco.notice.document.ChineseFormats.count;
import static cn.gov.eco.notice.document.ChineseFormats.date;
import static cn.gov.eco.notice.document.ChineseFormats.money;
import static cn.gov.eco.notice.document.ChineseFormats.officialDate;

/**
 * Turns the document records into the flat name → value maps that templates read, and declares which
 * names exist ({@link TemplateSchema}). Formatting (年月日 dates, 人民币…元 amounts) happens here, once.
 */
final class DocumentModels {

    private DocumentModels() {
    }

    private static void agencyFields(Map<String, TemplateSchema.Field> f) {
        f.put("agency.name", TemplateSchema.TEXT);
        f.put("agency.contact", TemplateSchema.TEXT);
        f.put("agency.address", TemplateSchema.TEXT);
        f.put("agency.platforms", TemplateSchema.TEXT_LIST);
        f.put("agency.paymentBank", TemplateSchema.TEXT);
        f.put("agency.paymentAccountName", TemplateSchema.TEXT);
        f.put("agency.paymentAccount", TemplateSchema.TEXT);
        f.put("agency.electronicPayment", TemplateSchema.TEXT);
        f.put("agency.redFastLane", TemplateSchema.TEXT);
    }

    private static void agencyValues(Map<String, Object> m, AgencyProfile agency) {
        m.put("agency.name", agency.name());
        m.put("agency.contact", agency.contact());
        m.put("agency.address", agency.address());
        m.put("agency.platforms", agency.platforms());
        m.put("agency.paymentBank", agency.payment().bank());
        m.put("agency.paymentAccountName", agency.payment().accountName());
        m.put("agency.paymentAccount", agency.payment().account());
        m.put("agency.electronicPayment", agency.payment().electronic());
        m.put("agency.redFastLane", agency.redFastLane());
    }

    static final TemplateSchema DECISION_SCHEMA;
    static final TemplateSchema NOTICE_SCHEMA;
    static final TemplateSchema RECEIPT_SCHEMA;

    static {
        Map<String, TemplateSchema.Field> d = new LinkedHashMap<>();
        for (String text : List.of("documentNumber", "caseNumber", "party.name", "party.uscc", "party.address",
                "party.legalRepresentative", "facts", "violatedProvision", "penaltyBasisProvision",
                "penaltySummary", "totalFine", "performance.method", "performance.deadline",
                "performance.surchargeWarning", "remedies.reconsiderationBody", "remedies.reconsiderationDays",
                "remedies.court", "remedies.litigationMonths", "discretionStatement", "statementsAndHearing",
                "publicityNotice",
                "issuingAgency", "decisionDate", "decisionDateZh", "rectificationOrder")) {
            d.put(text, TemplateSchema.TEXT);
        }
        d.put("evidence", TemplateSchema.TEXT_LIST);
        d.put("penalties", new TemplateSchema.RecordList(Set.of("typeZh", "amount", "description")));
        d.put("remedies.reconsiderationFirst", TemplateSchema.FLAG);
        agencyFields(d);
        DECISION_SCHEMA = new TemplateSchema("penalty decision", Map.copyOf(d));

        Map<String, TemplateSchema.Field> n = new LinkedHashMap<>();
        for (String text : List.of("documentNumber", "linkedDecisionNumber", "party.name", "party.uscc",
                "severityTier", "severityBasis", "publicityStart", "minPeriodEnd", "maxPeriodEnd",
                "earliestApplicationDate", "earliestApplicationExplanation", "applicationChannel",
                "processingTimeLimits", "environmentalCreditEffect", "nonRepairableReason", "antiFraudWarning",
                "contact", "issuingAgency", "issueDate", "issueDateZh")) {
            n.put(text, TemplateSchema.TEXT);
        }
        n.put("publicityPlatforms", TemplateSchema.TEXT_LIST);
        n.put("repairConditions", TemplateSchema.TEXT_LIST);
        n.put("requiredMaterials", TemplateSchema.TEXT_LIST);
        n.put("nonRepairable", TemplateSchema.FLAG);
        agencyFields(n);
        NOTICE_SCHEMA = new TemplateSchema("repair-rights notice", Map.copyOf(n));

        Map<String, TemplateSchema.Field> r = new LinkedHashMap<>();
        for (String text : List.of("caseNumber", "recipientName", "recipientUscc", "methodZh", "servedDate",
                "servedDateZh", "servedAt", "receivedBy", "refusalReason", "witness", "forwarding", "electronic",
                "publicNotice", "deemedExplanation", "recordedBy", "recordedAt", "issuingAgency")) {
            r.put(text, TemplateSchema.TEXT);
        }
        r.put("documents", TemplateSchema.TEXT_LIST);
        r.put("evidenceIds", TemplateSchema.TEXT_LIST);
        agencyFields(r);
        RECEIPT_SCHEMA = new TemplateSchema("service receipt", Map.copyOf(r));
    }

    static Map<String, Object> receipt(ServiceReceiptDocument doc, AgencyProfile agency) {
        Map<String, Object> m = new HashMap<>(48);
        m.put("caseNumber", nz(doc.caseNumber()));
        m.put("recipientName", doc.recipientName());
        m.put("recipientUscc", nz(doc.recipientUscc()));
        m.put("documents", doc.documents());
        m.put("methodZh", doc.methodZh());
        m.put("servedDate", date(doc.servedDate()));
        m.put("servedDateZh", officialDate(doc.servedDate()));
        m.put("servedAt", time(doc.servedAt()));
        m.put("receivedBy", nz(doc.receivedBy()));
        m.put("refusalReason", nz(doc.refusalReason()));
        m.put("witness", nz(doc.witness()));
        m.put("forwarding", nz(doc.forwarding()));
        m.put("electronic", nz(doc.electronic()));
        m.put("publicNotice", nz(doc.publicNotice()));
        m.put("deemedExplanation", nz(doc.deemedExplanation()));
        m.put("evidenceIds", doc.evidenceIds());
        m.put("recordedBy", nz(doc.recordedBy()));
        m.put("recordedAt", time(doc.recordedAt()));
        m.put("issuingAgency", doc.issuingAgency());
        agencyValues(m, agency);
        return m;
    }

    /** 2025年3月12日 10时30分; null → empty. */
    private static String time(java.time.LocalDateTime t) {
        return t == null ? "" : date(t.toLocalDate()) + " " + t.getHour() + "时" + String.format("%02d", t.getMinute())
                + "分";
    }

    static Map<String, Object> decision(PenaltyDecisionDocument doc, AgencyProfile agency) {
        Map<String, Object> m = new HashMap<>(64);
        m.put("documentNumber", doc.documentNumber());
        m.put("caseNumber", nz(doc.caseNumber()));
        m.put("party.name", doc.party().name());
        m.put("party.uscc", nz(doc.party().uscc()));
        m.put("party.address", doc.party().address());
        m.put("party.legalRepresentative", nz(doc.party().legalRepresentative()));
        m.put("facts", doc.facts());
        m.put("evidence", doc.evidence());
        m.put("violatedProvision", doc.violatedProvision());
        m.put("penaltyBasisProvision", doc.penaltyBasisProvision());
        List<Map<String, Object>> penalties = new ArrayList<>(doc.penalties().size());
        StringBuilder summary = new StringBuilder();
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (PenaltyDecisionDocument.Penalty p : doc.penalties()) {
            Map<String, Object> item = new HashMap<>(4);
            item.put("typeZh", p.typeZh());
            item.put("amount", money(p.amount()));
            item.put("description", nz(p.description()));
            penalties.add(item);
            if (!summary.isEmpty()) {
                summary.append('；');
            }
            summary.append(p.typeZh());
            if (p.amount() != null) {
                summary.append(money(p.amount()));
                total = total.add(p.amount());
            } else if (p.description() != null && !p.description().isBlank()) {
                summary.append('（').append(p.description()).append('）');
            }
        }
        m.put("penalties", penalties);
        m.put("penaltySummary", summary.toString());
        m.put("totalFine", total.signum() == 0 ? "" : money(total));
        m.put("performance.method", doc.performance().method());
        m.put("performance.deadline", doc.performance().deadline());
        m.put("performance.surchargeWarning", doc.performance().surchargeWarning());
        m.put("remedies.reconsiderationBody", doc.remedies().reconsiderationBody());
        m.put("remedies.reconsiderationDays", count(doc.remedies().reconsiderationDays()) + "日");
        m.put("remedies.court", doc.remedies().court());
        m.put("remedies.litigationMonths", count(doc.remedies().litigationMonths()) + "个月");
        m.put("remedies.reconsiderationFirst", doc.remedies().reconsiderationFirst());
        m.put("discretionStatement", nz(doc.discretionStatement()));
        m.put("statementsAndHearing", nz(doc.statementsAndHearing()));
        m.put("publicityNotice", nz(doc.publicityNotice()));
        m.put("rectificationOrder", nz(doc.rectificationOrder()));
        m.put("issuingAgency", doc.issuingAgency());
        m.put("decisionDate", date(doc.decisionDate()));
        m.put("decisionDateZh", officialDate(doc.decisionDate()));
        agencyValues(m, agency);
        return m;
    }

    static Map<String, Object> notice(RepairRightsNoticeDocument doc, AgencyProfile agency) {
        Map<String, Object> m = new HashMap<>(64);
        m.put("documentNumber", doc.documentNumber());
        m.put("linkedDecisionNumber", doc.linkedDecisionNumber());
        m.put("party.name", doc.partyName());
        m.put("party.uscc", nz(doc.partyUscc()));
        m.put("severityTier", doc.severityTierZh());
        m.put("severityBasis", nz(doc.severityBasis()));
        m.put("publicityPlatforms",
                doc.publicityPlatforms().isEmpty() ? agency.platforms() : doc.publicityPlatforms());
        m.put("publicityStart", date(doc.publicityStart()));
        m.put("minPeriodEnd", date(doc.minPeriodEnd()));
        m.put("maxPeriodEnd", date(doc.maxPeriodEnd()));
        m.put("earliestApplicationDate", date(doc.earliestApplicationDate()));
        m.put("earliestApplicationExplanation", nz(doc.earliestApplicationExplanationZh()));
        m.put("repairConditions", doc.repairConditions());
        m.put("requiredMaterials", doc.requiredMaterials());
        m.put("applicationChannel", nz(doc.applicationChannel()));
        m.put("processingTimeLimits", nz(doc.processingTimeLimits()));
        m.put("environmentalCreditEffect", nz(doc.environmentalCreditEffect()));
        m.put("nonRepairable", doc.nonRepairable());
        m.put("nonRepairableReason", nz(doc.nonRepairableReason()));
        m.put("antiFraudWarning", doc.antiFraudWarning());
        m.put("contact", doc.contact() == null || doc.contact().isBlank() ? agency.contact() : doc.contact());
        m.put("issuingAgency", doc.issuingAgency());
        m.put("issueDate", date(doc.issueDate()));
        m.put("issueDateZh", officialDate(doc.issueDate()));
        agencyValues(m, agency);
        return m;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
