package cn.gov.eco.credit.repair.application;

import cn.gov.eco.credit.repair.application.RepairMessages.FinePaid;
import cn.gov.eco.credit.repair.application.RepairMessages.PenaltyDecided;
import cn.gov.eco.credit.repair.application.RepairMessages.PublicityNotPublished;
import cn.gov.eco.credit.repair.application.RepairMessages.PublicityOpened;
import cn.gov.eco.credit.repair.application.RepairMessages.RectificationVerified;
import cn.gov.eco.credit.repair.application.RepairMessages.RepairDecided;
import cn.gov.eco.credit.repair.infrastructure.RepairEvents;
import cn.gov.eco.credit.repair.infrastructure.RepairFactsRepository;
import cn.gov.eco.credit.repair.infrastructure.RepairFactsRepository.Change;
import cn.gov.eco.credit.repair.model.Payment;
import cn.gov.eco.credit.repair.model.RepairEligibility;
import cn.gov.eco.credit.repair.model.RepairFacts;
import cn.gov.eco.credit.repair.model.UnmetCondition;
import cn.gov.eco.platform.messaging.OutboxEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Keeps the facts of credit repair per publicity record from the events that carry them (publicity, decision,
 * payments, rectification, the repair's own decisions), idempotently, and tells the enterprise when its repair window
 * opens: {@code RepairWindowOpened}, once per record, raised in the same write as the fact that completed the
 * conditions — or, when only the date was missing, by the scheduler on that date ({@link #windowDue}).
 */
public class RepairFactsRecorder {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final RepairFactsRepository facts;
    private final RepairEligibility eligibility;
    private final RepairEvents events;
    private final Clock clock;

    public RepairFactsRecorder(RepairFactsRepository facts, RepairEligibility eligibility, RepairEvents events,
                               Clock clock) {
        this.facts = facts;
        this.eligibility = eligibility;
        this.events = events;
        this.clock = clock;
    }

    public boolean onPublicityOpened(PublicityOpened m) {
        return apply(m.recordId(), f -> f.withPublicity(m.uscc(), m.caseId() == null ? m.recordId() : m.caseId(),
                m.enterpriseName(), m.decisionDocumentNumber(), m.decisionDate(), m.severityTier(), m.status(),
                m.minPeriodEnd(), m.earliestApplicationDate(), m.maxPeriodEnd(), m.ruleSetId()), false);
    }

    /** A minor-tier record that is not published: repairable as soon as the obligations are met (Order 36). */
    public boolean onPublicityNotPublished(PublicityNotPublished m) {
        return apply(m.recordId(), f -> f.withPublicity(m.uscc(), m.caseId() == null ? m.recordId() : m.caseId(),
                m.enterpriseName(), m.decisionDocumentNumber(), m.decisionDate(), m.severityTier(), "NOT_PUBLISHED",
                null, null, null, m.ruleSetId()), false);
    }

    /**
     * A later transition of the record by the publicity feature (minimum period elapsed, withdrawn, expired,
     * terminated by repair, republished): its status decides what is left to repair (the eligibility knows each).
     */
    public boolean onPublicityStatusChanged(RepairMessages.PublicityStatusChanged m) {
        return apply(m.recordId(), f -> f.withPublicityStatus(m.status()), false);
    }

    public boolean onPenaltyDecided(PenaltyDecided m) {
        return apply(m.caseId(), f -> f.withDecision(m.enterprise().uscc(), m.documentNumber(), m.totalFine()), false);
    }

    public boolean onFinePaid(FinePaid m) {
        Payment p = new Payment(m.paymentId(), m.paidDate(), m.totalPaid(), m.outstanding(), m.fullyPaid(),
                m.instalment());
        return apply(m.caseId(), f -> f.withPayment(m.uscc(), m.documentNumber(), p), false);
    }

    public boolean onRectificationVerified(RectificationVerified m) {
        return apply(m.caseId(), f -> f.withRectificationVerified(m.uscc(), m.documentNumber(), m.verifiedDate()),
                false);
    }

    /**
     * The decision was revoked (reconsideration, litigation or the agency itself): its publicity is withdrawn
     * (《行政处罚法》第四十八条, T14), so there is nothing left to repair. A status that overrides every other.
     */
    public boolean onDecisionRevoked(RepairMessages.DecisionRevoked m) {
        return apply(m.caseId(), f -> f.withPublicityStatus("WITHDRAWN"), false);
    }

    /** The record was repaired: nothing left to apply for (the publicity feature terminates the publication). */
    public boolean onRepairApproved(RepairDecided m) {
        return apply(m.recordId(), f -> f.withPublicityStatus("TERMINATED_BY_REPAIR"), false);
    }

    /** The repair was revoked for false materials: published again, re-application barred [U]. */
    public boolean onRepairRevoked(RepairDecided m) {
        return apply(m.recordId(), f -> f.withPublicityStatus("REPUBLISHED").withBarUntil(m.reapplicationBarredUntil()),
                false);
    }

    /** Called by the scheduler on the day a record's repair window was due to open. */
    public boolean windowDue(String recordId) {
        return apply(recordId, UnaryOperator.identity(), true);
    }

    /** Opens the windows that fell due by now (restart-safe: each record claimed with a lease); returns how many. */
    public int openDueWindows(java.time.Duration lease) {
        int n = 0;
        for (int i = 0; i < 1000; i++) {
            var claimed = facts.claimWindowDue(clock.instant(), lease);
            if (claimed.isEmpty()) {
                break;
            }
            windowDue(claimed.get());
            facts.releaseWindowClaim(claimed.get());
            n++;
        }
        return n;
    }

    private boolean apply(String recordId, UnaryOperator<RepairFacts> op, boolean force) {
        return facts.update(recordId, (before, seq) -> {
            RepairFacts after = op.apply(before);
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, CHINA);
            List<OutboxEvent> raised = new ArrayList<>();
            Instant windowDueAt = null;
            if (after.publicityKnown() && after.uscc() != null && after.windowOpenedOn() == null) {
                List<UnmetCondition> unmet = eligibility.recordedConditions(after, today);
                if (unmet.isEmpty()) {
                    after = after.withWindowOpenedOn(today);
                    raised.add(events.windowOpened(after, seq + 1, now));
                } else if (unmet.stream().allMatch(c -> c.code().equals(UnmetCondition.MIN_PERIOD_NOT_ELAPSED))) {
                    windowDueAt = after.earliestApplicationDate().date().atStartOfDay(CHINA).toInstant();
                }
            }
            if (!force && after.equals(before) && raised.isEmpty()) {
                return null;
            }
            return new Change(after, raised, windowDueAt);
        });
    }
}
