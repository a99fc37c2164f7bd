package cn.gov.eco.credit.publicity.model;

import cn.gov.eco.credit.publicity.model.PublicityChange.Republished.Cause;
import cn.gov.eco.platform.publicity.Classification;
import cn.gov.eco.platform.publicity.ClassifiedPlan;
import cn.gov.eco.platform.publicity.PublicityPlan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * 信用信息公示记录: the publicity of one penalty decision as credit information about one enterprise (DOMAIN.md §8.3
 * CreditPublicityRecord). Its id is the case id: one record per decision, whatever the number of times the opening
 * event is delivered. Every change returns the new record with the changes it raised, or refuses with
 * {@link IllegalPublicityTransition}; a change already applied (a redelivered event) returns nothing.
 *
 * @param applied keys of the changes already applied (e.g. {@code REPAIR_APPROVED:<applicationId>}), so a
 *                redelivered event is a no-op
 */
public record PublicityRecord(String recordId, String uscc, String enterpriseName, String caseId,
                              String decisionDocumentNumber, LocalDate decisionDate, LocalDate servedDate,
                              PublicityPlan plan, PublicityStatus status, Instant openedAt,
                              Classification classification, TransitionReview transitionReview,
                              Withdrawal withdrawal, RepairOutcome repair, List<StatusChange> history,
                              Set<String> applied, PlanReview planReview) {

    public PublicityRecord {
        Objects.requireNonNull(recordId);
        Objects.requireNonNull(uscc);
        Objects.requireNonNull(plan);
        Objects.requireNonNull(status);
        history = history == null ? List.of() : List.copyOf(history);
        applied = applied == null ? Set.of() : Set.copyOf(applied);
    }

    /** A change: the record after it and the changes it raised, in order. */
    public record Changed(PublicityRecord record, List<PublicityChange> changes) {
    }

    /**
     * Opens the record as of {@code today} (T23–T27, T31) with the plan that was served ({@code c}, carried from the
     * decision); {@code planReview} is the flag for a legal reviewer when this service would now plan it differently.
     */
    public static PublicityRecord open(String caseId, String uscc, String enterpriseName, String documentNumber,
                                       LocalDate decisionDate, LocalDate servedDate, ClassifiedPlan c,
                                       String newestRuleSetId, LocalDate today, Instant now, PlanReview planReview) {
        PublicityStatus status = PublicityStatus.asOf(c.plan(), today, c.classification().nonRepairable());
        TransitionReview review = c.plan().transitional()
                ? new TransitionReview(c.plan().ruleSetId(), newestRuleSetId, null, null, null, null) : null;
        var opened = new StatusChange(now, today, null, status, "公示记录建立：" + status.nameZh(),
                "record opened: " + status);
        return new PublicityRecord(caseId, uscc, enterpriseName, caseId, documentNumber, decisionDate, servedDate,
                c.plan(), status, now, c.classification(), review, null, null, List.of(opened), Set.of(), planReview);
    }

    public boolean nonRepairable() {
        return classification != null && classification.nonRepairable();
    }

    /** The day of the next change that time alone brings (T28 earliest application, T31 stop), or empty. */
    public Optional<LocalDate> nextDueDate() {
        if (status == PublicityStatus.PUBLISHED_MIN_RUNNING && plan.earliestApplicationDate() != null) {
            return Optional.of(plan.earliestApplicationDate().date());
        }
        if (status.published() && plan.autoStopDate() != null) {
            return Optional.of(plan.autoStopDate().date());
        }
        return Optional.empty();
    }

    /**
     * What time alone changes by {@code today}: the minimum period elapsed (T28), then the maximum (T31: publication
     * stops by itself the day after the maximum end). Both may fall due at once after a long outage.
     */
    public Optional<Changed> advance(LocalDate today, Instant now) {
        PublicityRecord r = this;
        List<PublicityChange> changes = new ArrayList<>();
        if (r.status == PublicityStatus.PUBLISHED_MIN_RUNNING && r.plan.earliestApplicationDate() != null
                && !today.isBefore(r.plan.earliestApplicationDate().date())) {
            PublicityStatus to = nonRepairable() ? PublicityStatus.PUBLISHED_NON_REPAIRABLE
                    : PublicityStatus.PUBLISHED_REPAIRABLE;
            r = r.moveTo(to, today, now, nonRepairable()
                            ? "最短公示期届满；属特定严重失信，公示期内不予修复" : "最短公示期届满，可申请信用修复",
                    nonRepairable() ? "minimum period elapsed; specified serious breach, not repairable"
                            : "minimum period elapsed; repair may be applied for");
            changes.add(new PublicityChange.MinimumPeriodElapsed(r.plan.earliestApplicationDate().date(),
                    !nonRepairable()));
        }
        if (r.status.published() && r.plan.autoStopDate() != null && !today.isBefore(r.plan.autoStopDate().date())) {
            r = r.moveTo(PublicityStatus.EXPIRED, today, now, "最长公示期届满，自动停止公示",
                    "maximum period ended; publication stopped by itself");
            changes.add(new PublicityChange.Expired(r.plan.autoStopDate().date()));
        }
        return changes.isEmpty() ? Optional.empty() : Optional.of(new Changed(r, changes));
    }

    /** 《行政处罚法》第四十八条: the decision was revoked, void or confirmed illegal — withdraw (T14). */
    public Optional<Changed> withdraw(Withdrawal w, LocalDate today, Instant now) {
        String key = "REVOKED:" + w.effectiveDate() + ":" + w.source();
        if (applied.contains(key) || status == PublicityStatus.WITHDRAWN) {
            return Optional.empty();
        }
        if (status == PublicityStatus.EXPIRED) {
            // Publication already stopped by itself: nothing is shown any more; the revocation is recorded only.
            return Optional.of(new Changed(with(w, repair, plan, classification, key), List.of()));
        }
        boolean wasPublished = status.published();
        PublicityRecord r = moveTo(PublicityStatus.WITHDRAWN, today, now, "处罚决定已撤销，撤回公示：" + w.reason(),
                "decision revoked; publicity withdrawn: " + w.reason());
        r = r.with(w, r.repair, r.plan, r.classification, key);
        return Optional.of(new Changed(r, List.of(new PublicityChange.Withdrawn(w, wasPublished))));
    }

    /**
     * 《行政处罚法》第四十八条: the decision was changed — the old content is withdrawn (T14) and the record re-classified
     * with the amended tier and penalties; it is published again if it is still to be published. A record no longer
     * published (expired, terminated by repair) keeps its status and takes the new classification for any later
     * republication.
     */
    public Optional<Changed> amend(Withdrawal w, ClassifiedPlan amended, LocalDate today, Instant now) {
        String key = "AMENDED:" + w.effectiveDate() + ":" + w.source();
        if (applied.contains(key)) {
            return Optional.empty();
        }
        if (status.terminal() || status == PublicityStatus.TERMINATED_BY_REPAIR) {
            return Optional.of(new Changed(with(withdrawal, repair, amended.plan(), amended.classification(), key),
                    List.of()));
        }
        boolean wasPublished = status.published();
        List<PublicityChange> changes = new ArrayList<>();
        if (wasPublished) {
            changes.add(new PublicityChange.Withdrawn(w, true));
        }
        PublicityStatus to = PublicityStatus.asOf(amended.plan(), today, amended.classification().nonRepairable());
        var entry = new StatusChange(now, today, status, to, "处罚决定已变更，按变更后的决定重新认定：" + w.reason(),
                "decision amended; re-classified: " + w.reason());
        List<StatusChange> h = new ArrayList<>(history);
        h.add(entry);
        PublicityRecord r = new PublicityRecord(recordId, uscc, enterpriseName, caseId, decisionDocumentNumber,
                decisionDate, servedDate, amended.plan(), to, openedAt, amended.classification(), transitionReview,
                w, repair, h, plus(key), planReview);
        if (to.published()) {
            changes.add(new PublicityChange.Republished(Cause.DECISION_AMENDED, null, w.reason(),
                    amended.plan().maxPeriodEnd().date()));
        }
        return Optional.of(new Changed(r, changes));
    }

    /** Order 36 Art. 3: the repair was approved — publication terminates. Refused before the minimum period ends. */
    public Optional<Changed> terminateByRepair(String applicationId, LocalDate approvedDate, LocalDate today,
                                               Instant now) {
        String key = "REPAIR_APPROVED:" + applicationId;
        if (applied.contains(key)) {
            return Optional.empty();
        }
        if (nonRepairable() && status.published()) {
            throw new IllegalPublicityTransition(recordId, status, PublicityStatus.TERMINATED_BY_REPAIR,
                    "specified serious breach: not repairable during the publicity period (T27)");
        }
        PublicityRecord r = moveTo(PublicityStatus.TERMINATED_BY_REPAIR, today, now, "信用修复申请通过，终止公示",
                "repair approved; publication terminated");
        r = r.with(withdrawal, new RepairOutcome(applicationId, approvedDate, null, null, null), plan, classification,
                key);
        return Optional.of(new Changed(r, List.of(new PublicityChange.TerminatedByRepair(applicationId, approvedDate))));
    }

    /**
     * The repair was revoked (false materials): published again until the original maximum end (DOMAIN.md §9
     * scenario 25); when that end has already passed, it expires at once.
     */
    public Optional<Changed> republishAfterRepairRevoked(String applicationId, LocalDate revokedDate, String reason,
                                                         LocalDate barredUntil, LocalDate today, Instant now) {
        String key = "REPAIR_REVOKED:" + applicationId;
        if (applied.contains(key)) {
            return Optional.empty();
        }
        if (repair == null || !repair.applicationId().equals(applicationId)) {
            throw new IllegalPublicityTransition(recordId, status, PublicityStatus.REPUBLISHED,
                    "the record was not terminated by repair application " + applicationId);
        }
        PublicityRecord r = moveTo(PublicityStatus.REPUBLISHED, today, now, "信用修复被撤销，恢复公示至原最长公示期届满：" + reason,
                "repair revoked; republished until the original maximum end: " + reason);
        r = r.with(withdrawal, new RepairOutcome(applicationId, repair.approvedDate(), revokedDate, reason, barredUntil),
                plan, classification, key);
        List<PublicityChange> changes = new ArrayList<>();
        changes.add(new PublicityChange.Republished(Cause.REPAIR_REVOKED, applicationId, reason,
                plan.maxPeriodEnd() == null ? null : plan.maxPeriodEnd().date()));
        var later = r.advance(today, now);
        if (later.isPresent()) {
            r = later.get().record();
            changes.addAll(later.get().changes());
        }
        return Optional.of(new Changed(r, changes));
    }

    /** A legal reviewer confirmed the transitional treatment (DOMAIN.md §9 scenario 23). */
    public Changed confirmTransition(String userId, String name, String note, Instant now) {
        if (transitionReview == null) {
            throw new IllegalPublicityTransition(recordId, status, status, "not a transitional record");
        }
        if (transitionReview.confirmed()) {
            throw new IllegalPublicityTransition(recordId, status, status, "transition already confirmed");
        }
        var review = new TransitionReview(transitionReview.decisionRuleSetId(), transitionReview.currentRuleSetId(),
                userId, name, now, note);
        return new Changed(new PublicityRecord(recordId, uscc, enterpriseName, caseId, decisionDocumentNumber,
                decisionDate, servedDate, plan, status, openedAt, classification, review, withdrawal, repair, history,
                applied, planReview), List.of());
    }

    /**
     * A legal reviewer has looked at the difference between the served plan and the recomputed one. The record
     * stays as served; a correction is a new notice served again (recorded by notice-service as its own service).
     */
    public Changed reviewPlan(String userId, String note, Instant now) {
        if (planReview == null) {
            throw new IllegalPublicityTransition(recordId, status, status, "no plan difference to review");
        }
        if (!planReview.pending()) {
            throw new IllegalPublicityTransition(recordId, status, status, "plan difference already reviewed");
        }
        var reviewed = new PlanReview(planReview.differences(), planReview.recomputed(), planReview.detectedAt(),
                userId, now, note);
        return new Changed(new PublicityRecord(recordId, uscc, enterpriseName, caseId, decisionDocumentNumber,
                decisionDate, servedDate, plan, status, openedAt, classification, transitionReview, withdrawal, repair,
                history, applied, reviewed), List.of());
    }

    private PublicityRecord moveTo(PublicityStatus to, LocalDate today, Instant now, String reasonZh, String reasonEn) {
        if (!status.canMoveTo(to)) {
            throw new IllegalPublicityTransition(recordId, status, to, "not allowed by DOMAIN.md §8.3");
        }
        List<StatusChange> h = new ArrayList<>(history);
        h.add(new StatusChange(now, today, status, to, reasonZh, reasonEn));
        return new PublicityRecord(recordId, uscc, enterpriseName, caseId, decisionDocumentNumber, decisionDate,
                servedDate, plan, to, openedAt, classification, transitionReview, withdrawal, repair, h, applied,
                planReview);
    }

    private PublicityRecord with(Withdrawal w, RepairOutcome rep, PublicityPlan p, Classification c, String key) {
        return new PublicityRecord(recordId, uscc, enterpriseName, caseId, decisionDocumentNumber, decisionDate,
                servedDate, p, status, openedAt, c, transitionReview, w, rep, history, plus(key), planReview);
    }

    private Set<String> plus(String key) {
        Set<String> s = new LinkedHashSet<>(applied);
        s.add(key);
        return s;
    }
}
