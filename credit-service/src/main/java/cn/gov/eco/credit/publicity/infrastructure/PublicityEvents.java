package cn.gov.eco.credit.publicity.infrastructure;

import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.credit.publicity.model.PublicityChange;
import cn.gov.eco.credit.publicity.model.PublicityRecord;
import cn.gov.eco.credit.publicity.model.PublicityStatus;
import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.platform.messaging.OutboxWriter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The integration events of {@code credit.publicity.v1} (schemas in the contracts module), mapped from the domain
 * changes. Every event after the opening carries the record as it now stands — status, minimum and maximum end,
 * earliest application date, the non-repairable flag and reason — so a consumer (the repair feature, dashboards)
 * needs nothing else.
 */
public final class PublicityEvents {

    private PublicityEvents() {
    }

    /** {@code cn.gov.eco.credit.PublicityOpened.v1} */
    public record PublicityOpenedV1(String uscc, String recordId, String caseId, String enterpriseName,
                                    String decisionDocumentNumber, String decisionDate, String severityTier,
                                    String ruleSetId, boolean transitional, String status, String publicityStart,
                                    ExplainedDate minPeriodEnd, ExplainedDate maxPeriodEnd,
                                    ExplainedDate earliestApplicationDate, ExplainedDate autoStopDate,
                                    Boolean nonRepairable, String nonRepairableReasonZh, String nonRepairableReasonEn,
                                    String declaredSeverityTier) {
    }

    /** {@code cn.gov.eco.credit.PublicityNotPublished.v1} */
    public record PublicityNotPublishedV1(String uscc, String recordId, String caseId, String enterpriseName,
                                          String decisionDocumentNumber, String decisionDate, String severityTier,
                                          String ruleSetId, boolean transitional, String reasonZh, String reasonEn) {
    }

    static String calendarVersion(PublicityRecord r) {
        return r.plan().maxPeriodEnd() == null ? "none" : r.plan().maxPeriodEnd().derivation().calendarVersion();
    }

    static OutboxEvent openingEvent(OutboxWriter outbox, PublicityRecord r) {
        return r.status() == PublicityStatus.NOT_PUBLISHED
                ? outbox.raise(EventTypes.PUBLICITY_NOT_PUBLISHED, r.uscc(), r.recordId(), 1, r.plan().ruleSetId(),
                calendarVersion(r), notPublished(r))
                : outbox.raise(EventTypes.PUBLICITY_OPENED, r.uscc(), r.recordId(), 1, r.plan().ruleSetId(),
                calendarVersion(r), opened(r));
    }

    static PublicityOpenedV1 opened(PublicityRecord r) {
        var p = r.plan();
        var c = r.classification();
        return new PublicityOpenedV1(r.uscc(), r.recordId(), r.caseId(), r.enterpriseName(),
                r.decisionDocumentNumber(), r.decisionDate().toString(), p.tier().name(), p.ruleSetId(),
                p.transitional(), r.status().name(), p.publicityStart().toString(), p.minPeriodEnd(),
                p.maxPeriodEnd(), p.earliestApplicationDate(), p.autoStopDate(), r.nonRepairable(),
                c == null ? null : c.nonRepairableReasonZh(), c == null ? null : c.nonRepairableReasonEn(),
                c == null ? null : c.declaredTier().name());
    }

    static PublicityNotPublishedV1 notPublished(PublicityRecord r) {
        var p = r.plan();
        return new PublicityNotPublishedV1(r.uscc(), r.recordId(), r.caseId(), r.enterpriseName(),
                r.decisionDocumentNumber(), r.decisionDate().toString(), p.tier().name(), p.ruleSetId(),
                p.transitional(),
                p.ruleSetNameZh() + "：轻微失信信息原则上不予公示；履行法定义务后即可申请信用修复。",
                p.ruleSetId() + ": minor-tier information is not published by default; repair may be applied for"
                        + " as soon as the legal obligations are fulfilled.");
    }

    /** The events of {@code changes}, numbered from {@code lastSequence + 1}. */
    static List<OutboxEvent> changeEvents(OutboxWriter outbox, PublicityRecord before, PublicityRecord after,
                                          List<PublicityChange> changes, long lastSequence, LocalDate today) {
        List<OutboxEvent> out = new ArrayList<>();
        long seq = lastSequence;
        PublicityStatus previous = before.status();
        for (PublicityChange change : changes) {
            Map<String, Object> payload = core(after, previous, today);
            EventType type = switch (change) {
                case PublicityChange.MinimumPeriodElapsed m -> {
                    payload.put("repairWindowOpen", m.repairable());
                    payload.put("reminderZh", m.repairable()
                            ? "最短公示期已届满，自" + m.earliestApplicationDate() + "起可通过“信用中国”网站在线申请信用修复（修复不收取任何费用）。"
                            : "最短公示期已届满；该信息属特定严重失信，公示期内不予信用修复。");
                    payload.put("reminderEn", m.repairable()
                            ? "The minimum publicity period has ended: credit repair may be applied for online from "
                            + m.earliestApplicationDate() + " (repair is free of charge)."
                            : "The minimum publicity period has ended; this is a specified serious breach, not"
                            + " repairable during the publicity period.");
                    yield EventTypes.PUBLICITY_MINIMUM_PERIOD_ELAPSED;
                }
                case PublicityChange.Expired e -> {
                    payload.put("stoppedOn", e.stoppedOn().toString());
                    yield EventTypes.PUBLICITY_EXPIRED;
                }
                case PublicityChange.Withdrawn w -> {
                    var d = w.withdrawal();
                    payload.put("trigger", d.trigger());
                    payload.put("source", d.source());
                    payload.put("outcome", d.outcome());
                    payload.put("effectiveDate", d.effectiveDate().toString());
                    payload.put("reason", d.reason());
                    Map<String, Object> by = new LinkedHashMap<>();
                    by.put("date", d.withdrawBy().toString());
                    by.put("explanationZh", d.withdrawByExplanationZh());
                    by.put("explanationEn", d.withdrawByExplanationEn());
                    payload.put("withdrawBy", by);
                    payload.put("withdrawnOn", d.withdrawnOn().toString());
                    payload.put("deadlineMet", d.deadlineMet());
                    payload.put("wasPublished", w.wasPublished());
                    yield EventTypes.PUBLICITY_WITHDRAWN;
                }
                case PublicityChange.TerminatedByRepair t -> {
                    payload.put("applicationId", t.applicationId());
                    payload.put("approvedDate", t.approvedDate().toString());
                    yield EventTypes.PUBLICITY_TERMINATED_BY_REPAIR;
                }
                case PublicityChange.Republished rp -> {
                    payload.put("cause", rp.cause().name());
                    payload.put("applicationId", rp.applicationId());
                    payload.put("reason", rp.reasonZh());
                    payload.put("runsUntil", rp.runsUntil() == null ? null : rp.runsUntil().toString());
                    yield EventTypes.PUBLICITY_REPUBLISHED;
                }
            };
            out.add(outbox.raise(type, after.uscc(), after.recordId(), ++seq, after.plan().ruleSetId(),
                    calendarVersion(after), payload));
        }
        return out;
    }

    private static Map<String, Object> core(PublicityRecord r, PublicityStatus previous, LocalDate today) {
        var p = r.plan();
        var c = r.classification();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uscc", r.uscc());
        m.put("recordId", r.recordId());
        m.put("caseId", r.caseId());
        m.put("enterpriseName", r.enterpriseName());
        m.put("decisionDocumentNumber", r.decisionDocumentNumber());
        m.put("decisionDate", r.decisionDate().toString());
        m.put("severityTier", p.tier().name());
        m.put("ruleSetId", p.ruleSetId());
        m.put("transitional", p.transitional());
        m.put("status", r.status().name());
        m.put("previousStatus", previous.name());
        m.put("publicityStart", p.publicityStart().toString());
        m.put("minPeriodEnd", p.minPeriodEnd());
        m.put("maxPeriodEnd", p.maxPeriodEnd());
        m.put("earliestApplicationDate", p.earliestApplicationDate());
        m.put("autoStopDate", p.autoStopDate());
        m.put("nonRepairable", r.nonRepairable());
        m.put("nonRepairableReasonZh", c == null ? null : c.nonRepairableReasonZh());
        m.put("nonRepairableReasonEn", c == null ? null : c.nonRepairableReasonEn());
        m.put("occurredOn", today.toString());
        return m;
    }
}
