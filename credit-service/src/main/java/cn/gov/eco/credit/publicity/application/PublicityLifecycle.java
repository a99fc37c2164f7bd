package cn.gov.eco.credit.publicity.application;

import cn.gov.eco.credit.publicity.infrastructure.PublicityRepository;
import cn.gov.eco.credit.publicity.infrastructure.PublicityRepository.Stored;
import cn.gov.eco.credit.publicity.model.PlanReview;
import cn.gov.eco.credit.publicity.model.IllegalPublicityTransition;
import cn.gov.eco.credit.publicity.model.PublicityRecord;
import cn.gov.eco.credit.publicity.model.PublicityRecord.Changed;
import cn.gov.eco.credit.publicity.model.Withdrawal;
import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.calendar.StatutoryDateRules;
import cn.gov.eco.platform.messaging.PoisonRecordException;
import cn.gov.eco.platform.publicity.Classification;
import cn.gov.eco.platform.publicity.ClassifiedPlan;
import cn.gov.eco.platform.publicity.NonRepairableDesignation;
import cn.gov.eco.platform.publicity.PublicityClassifier;
import cn.gov.eco.platform.publicity.PublicityPeriods;
import cn.gov.eco.platform.publicity.SeverityTier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Everything that happens to a publicity record: its opening when both documents have been served, time (the minimum
 * and maximum periods), the decision revoked or changed (withdrawal, T14), the repair approved or revoked. Each change is read, applied by
 * the model and written with its events in one version-guarded update, retried on a concurrent change; a change
 * already applied is a no-op, so every consumer is idempotent.
 */
public class PublicityLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublicityLifecycle.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int ATTEMPTS = 5;
    private static final String REVOKED = "REVOKED";
    private static final String AMENDED = "AMENDED";

    private final PublicityRepository records;
    private final PublicityPeriods periods;
    private final PublicityClassifier classifier;
    private final Clock clock;
    private final Duration lease;

    public PublicityLifecycle(PublicityRepository records, PublicityClassifier classifier, Clock clock,
                              Duration lease) {
        this.records = records;
        this.periods = classifier.periods();
        this.classifier = classifier;
        this.clock = clock;
        this.lease = lease;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /**
     * Opens the record when both documents have been served (两书同达 completed), then applies any revocation or
     * amendment that arrived first (also on a redelivery, in case the service stopped between the two). The periods
     * run from the decision date (NDRC Order 36; DOMAIN.md §4.1) — not from service — but the record opens only once
     * the enterprise has the decision and the notice of its repair rights in hand: a decision takes effect on
     * service, and 两书同达 exists so that no enterprise finds itself published before it learns how to repair.
     *
     * @return false when the record already existed (redelivery or replay)
     */
    public boolean onDualDeliveryCompleted(DualDeliveryCompletedMessage m) {
        boolean opened = !records.exists(m.caseId()) && records.insertOpened(opening(m));
        applyPending(m.caseId());
        return opened;
    }

    /**
     * The record opens with the plan that was served (carried from the decision in {@code DualDeliveryCompleted}).
     * This service's configuration is asked only to check it: when it would now give a different plan, the record
     * still opens as served and the difference waits for a legal reviewer ({@link PlanReview}), never silently.
     * An event from before the plan was carried is classified here with the same one classification.
     */
    private PublicityRecord opening(DualDeliveryCompletedMessage m) {
        var d = m.decision();
        ClassifiedPlan carried = d.publicityPlan();
        NonRepairableDesignation designation = carried == null || !Classification.BY_DECISION.equals(
                carried.classification().nonRepairableSource()) ? null : new NonRepairableDesignation(
                carried.classification().nonRepairableLegalBasis(), carried.classification().nonRepairableReasonZh());
        ClassifiedPlan recomputed = classifier.classify(SeverityTier.valueOf(d.severityTier()), d.penaltyTypes(),
                d.decisionDate(), designation);
        PlanReview review = null;
        if (carried == null) {
            log.warn("DualDeliveryCompleted of case {} carries no publicity plan (an event from before the plan was "
                    + "carried): classified here", m.caseId());
            carried = recomputed;
        } else {
            var differences = carried.differencesFrom(recomputed);
            if (!differences.isEmpty()) {
                log.warn("case {}: the served publicity plan differs from this service's configuration on {}; the "
                        + "record opens as served and waits for a legal reviewer", m.caseId(), differences);
                review = new PlanReview(differences, recomputed, clock.instant(), null, null, null);
            }
        }
        return PublicityRecord.open(m.caseId(), m.uscc(), m.enterpriseName(), d.documentNumber(), d.decisionDate(),
                m.serviceAct().servedDate(), carried, periods.rules().newest().ruleSetId(), today(),
                clock.instant(), review);
    }

    /**
     * One pass of the scheduler: every record whose due time has come (T28 minimum elapsed, T31 maximum expired)
     * is claimed, advanced and written; returns the number of records changed.
     */
    public int runDue(int max) {
        Instant now = clock.instant();
        int changed = 0;
        for (String id : records.claimDue(now, now.plus(lease), max)) {
            Optional<Stored> stored = records.find(id);
            if (stored.isEmpty()) {
                continue;
            }
            Optional<Changed> c = stored.get().record().advance(today(), clock.instant());
            if (c.isEmpty()) {
                records.release(stored.get());
            } else if (records.save(stored.get(), c.get().record(), c.get().changes(), today())) {
                changed++;
            } // else: changed meanwhile by a consumer, which rewrote dueAt; the next pass sees it again
        }
        return changed;
    }

    /** 《行政处罚法》第四十八条: the decision was revoked — withdraw within 3 working days (T14). */
    public boolean onDecisionRevoked(DecisionOutcomeMessage m) {
        return outcome(REVOKED, m);
    }

    /** 《行政处罚法》第四十八条: the decision was changed — withdraw the old content, re-classify, republish. */
    public boolean onDecisionAmended(DecisionOutcomeMessage m) {
        return outcome(AMENDED, m);
    }

    /**
     * The outcome arrives on enforcement.case.v1, the record opens from notice.delivery.v1: after an outage the two
     * consumers catch up at different paces, so an outcome may come first. It is then kept and applied when the
     * record opens ({@link #applyPending}); checked again after keeping it, in case the record opened meanwhile.
     */
    private boolean outcome(String kind, DecisionOutcomeMessage m) {
        if (records.find(m.caseId()).isEmpty()) {
            records.savePending(kind, m);
            if (records.find(m.caseId()).isEmpty()) {
                log.info("{} for case {} before its publicity record: kept until it opens", kind, m.caseId());
                return false;
            }
        }
        return apply(kind, m);
    }

    /** Applies the outcomes that arrived before the record of {@code caseId} opened (idempotent). */
    public void applyPending(String caseId) {
        for (var p : records.pending(caseId)) {
            apply(p.kind(), p.message());
        }
    }

    private boolean apply(String kind, DecisionOutcomeMessage m) {
        if (REVOKED.equals(kind)) {
            return change(m.caseId(), "DecisionRevoked", (r, now) -> r.withdraw(withdrawal(m, "DECISION_REVOKED",
                    m.outcome() == null ? "REVOKED" : m.outcome()), today(), now));
        }
        return change(m.caseId(), "DecisionAmended", (r, now) -> {
            var a = m.amended();
            // [I] the amended decision is re-classified with the same one classification; its non-repairable
            // designation stays as decided unless the amendment says otherwise (DecisionAmended carries none)
            var c = r.classification();
            NonRepairableDesignation designation = c != null && Classification.BY_DECISION.equals(
                    c.nonRepairableSource()) ? new NonRepairableDesignation(c.nonRepairableLegalBasis(),
                    c.nonRepairableReasonZh()) : null;
            var classified = classifier.classify(SeverityTier.valueOf(a.severityTier()), a.penaltyTypes(),
                    r.decisionDate(), designation);
            return r.amend(withdrawal(m, "DECISION_AMENDED", "AMENDED"), classified, today(), now);
        });
    }

    public boolean onRepairApproved(RepairDecisionMessage m) {
        return change(m.recordId(), "RepairApproved",
                (r, now) -> r.terminateByRepair(m.applicationId(), m.approvedDate(), today(), now));
    }

    public boolean onRepairRevoked(RepairDecisionMessage m) {
        return change(m.recordId(), "RepairRevoked", (r, now) -> r.republishAfterRepairRevoked(m.applicationId(),
                m.revokedDate(), m.reason(), m.reapplicationBarredUntil(), today(), now));
    }

    /** A legal reviewer confirms the transitional treatment of a record (DOMAIN.md §9 scenario 23). */
    public PublicityRecord confirmTransition(String recordId, String userId, String name, String note) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Stored s = records.find(recordId).orElseThrow(() -> new RecordNotFound(recordId));
            Changed c = s.record().confirmTransition(userId, name, note, clock.instant());
            if (records.save(s, c.record(), c.changes(), today())) {
                return c.record();
            }
        }
        throw new IllegalStateException("publicity record " + recordId + " kept changing; try again");
    }

    /** A legal reviewer has looked at a difference between the served plan and this service's configuration. */
    public PublicityRecord reviewPlan(String recordId, String userId, String note) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Stored s = records.find(recordId).orElseThrow(() -> new RecordNotFound(recordId));
            Changed c = s.record().reviewPlan(userId, note, clock.instant());
            if (records.save(s, c.record(), c.changes(), today())) {
                return c.record();
            }
        }
        throw new IllegalStateException("publicity record " + recordId + " kept changing; try again");
    }

    /**
     * The withdrawal with case-service's T14 deadline; the deadline is recomputed here with the platform calendar so
     * the record shows its derivation, and the earlier of the two is the one to meet.
     */
    private Withdrawal withdrawal(DecisionOutcomeMessage m, String trigger, String outcome) {
        LocalDate today = today();
        var by = m.withdrawBy();
        ExplainedDate derived = ExplainedDate.of(periods.calendar().compute(StatutoryDateRules.T14_WITHDRAW_PUBLICITY,
                "处罚决定撤销或变更生效", "the revocation or change took effect", m.effectiveDate()));
        LocalDate deadline = by.date();
        if (derived != null && !derived.date().equals(by.date())) {
            log.warn("T14 deadline of {}: case-service says {}, the calendar here says {}; the earlier applies",
                    m.caseId(), by.date(), derived.date());
            deadline = derived.date().isBefore(by.date()) ? derived.date() : by.date();
        }
        return new Withdrawal(trigger, m.source(), outcome, m.effectiveDate(), m.reason(), deadline,
                by.explanationZh(), by.explanationEn(), today, clock.instant(), !today.isAfter(deadline), derived);
    }

    private boolean change(String recordId, String what, BiFunction<PublicityRecord, Instant, Optional<Changed>> f) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Stored> s = records.find(recordId);
            if (s.isEmpty()) {
                // A repair names a record that exists by construction (the repair feature read its events).
                log.warn("{} for publicity record {} that does not exist: nothing to change", what, recordId);
                return false;
            }
            Optional<Changed> c;
            try {
                c = f.apply(s.get().record(), clock.instant());
            } catch (IllegalPublicityTransition e) {
                // No retry can make it legal: to the dead-letter topic, with the reason, for the credit administrator.
                throw new PoisonRecordException(what + " refused: " + e.getMessage(), e);
            }
            if (c.isEmpty()) {
                return false;
            }
            if (records.save(s.get(), c.get().record(), c.get().changes(), today())) {
                return true;
            }
        }
        throw new IllegalStateException("publicity record " + recordId + " kept changing while applying " + what);
    }

    /** No such record. */
    public static class RecordNotFound extends RuntimeException {
        public RecordNotFound(String id) {
            super("no publicity record " + id);
        }
    }
}
