package cn.gov.eco.credit.repair.model;

import cn.gov.eco.platform.calendar.ExplainedDate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * 信用修复申请: one enterprise's online application to repair one publicity record, and its handling by the
 * finding authority (谁认定、谁修复), along the state machine of DOMAIN.md §8.3. Immutable: each step returns the
 * next version, with the step in its history; a step the machine does not allow throws
 * {@link IllegalRepairTransitionException}.
 *
 * @param form               contact person, phone and statement (personal data: never put on a topic)
 * @param commitment         the published credit-commitment text the applicant accepted, by version and hash
 * @param blockedReasons     for BLOCKED: every unmet condition, shown to the applicant
 * @param reason             the latest reason shown to the applicant (not accepted, supplement, denied, revoked)
 * @param syncDueBy          T30: when the result must have reached the credit platforms
 * @param barredUntil        after a revocation: last day of the re-application bar [U]
 */
public record RepairApplication(String applicationId, String uscc, String recordId, String caseId,
                                String decisionDocumentNumber, RepairStatus status, ApplicationForm form,
                                CommitmentAcceptance commitment, List<Material> materials, LocalDate submittedDate,
                                Instant submittedAt, List<UnmetCondition> blockedReasons,
                                ExplainedDate earliestApplicationDate, ExplainedDate acceptanceDueBy,
                                LocalDate acceptedDate, ExplainedDate decisionDueBy, String extensionReason,
                                LocalDate decidedDate, String reason, String reviewedBy, ExplainedDate syncDueBy,
                                Instant syncedAt, String platformReference, int syncAttempts, LocalDate revokedDate,
                                LocalDate barredUntil, List<Transition> history) {

    public RepairApplication {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(status, "status");
        materials = materials == null ? List.of() : List.copyOf(materials);
        blockedReasons = blockedReasons == null ? List.of() : List.copyOf(blockedReasons);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** 申请表: who to contact and what the enterprise says it has done. */
    public record ApplicationForm(String contactName, String contactPhone, String statement) {
    }

    /** The applicant accepted this exact published text of the credit commitment (信用承诺书). */
    public record CommitmentAcceptance(String versionId, String sha256, Instant acceptedAt) {
    }

    /** One step of the state machine: who did it, in which role, when, and why. */
    public record Transition(RepairStatus from, RepairStatus to, Instant at, String by, String role, String note) {
    }

    /** Who acts on the application: the user id and the role it acts in. */
    public record Actor(String userId, String role) {
    }

    /** An application that passed the pre-check: RECEIVED, its acceptance clock running. */
    public static RepairApplication received(String id, RepairFacts facts, ApplicationForm form,
                                             CommitmentAcceptance commitment, List<Material> materials,
                                             LocalDate today, Instant now, ExplainedDate acceptanceDueBy,
                                             Actor by) {
        return new RepairApplication(id, facts.uscc(), facts.recordId(), facts.caseId(),
                facts.decisionDocumentNumber(), RepairStatus.RECEIVED, form, commitment, materials, today, now,
                List.of(), facts.earliestApplicationDate(), acceptanceDueBy, null, null, null, null, null, null, null,
                null, null, 0, null, null,
                List.of(new Transition(null, RepairStatus.RECEIVED, now, by.userId(), by.role(), "提交申请")));
    }

    /** An application that failed the pre-check: BLOCKED, with every reason; it is not pending. */
    public static RepairApplication blocked(String id, RepairFacts facts, ApplicationForm form,
                                            CommitmentAcceptance commitment, List<UnmetCondition> reasons,
                                            LocalDate today, Instant now, Actor by) {
        return new RepairApplication(id, facts.uscc(), facts.recordId(), facts.caseId(),
                facts.decisionDocumentNumber(), RepairStatus.BLOCKED, form, commitment, List.of(), today, now,
                reasons, facts.earliestApplicationDate(), null, null, null, null, null, null, null, null, null, null,
                0, null, null,
                List.of(new Transition(null, RepairStatus.BLOCKED, now, by.userId(), by.role(), "预检未通过")));
    }

    /** 受理: the review starts; the decision is due by {@code decisionDueBy} (T29). */
    public RepairApplication accept(LocalDate today, ExplainedDate decisionDueBy, Instant now, Actor by) {
        return step(RepairStatus.UNDER_REVIEW, now, by, "受理", d -> {
            d.acceptedDate = today;
            d.decisionDueBy = decisionDueBy;
            d.reviewedBy = by.userId();
        });
    }

    /** 不予受理, with the reason shown to the applicant. */
    public RepairApplication notAccept(LocalDate today, String reason, Instant now, Actor by) {
        return step(RepairStatus.NOT_ACCEPTED, now, by, reason, d -> {
            d.decidedDate = today;
            d.reason = reason;
            d.reviewedBy = by.userId();
        });
    }

    /** 补正: the applicant is asked for more materials. */
    public RepairApplication requestSupplement(String reason, Instant now, Actor by) {
        return step(RepairStatus.SUPPLEMENT_REQUESTED, now, by, reason, d -> {
            d.reason = reason;
            d.reviewedBy = by.userId();
        });
    }

    /** The applicant resubmits after 补正; the acceptance clock starts again from the resubmission. */
    public RepairApplication resubmit(List<Material> added, String statement, LocalDate today,
                                      ExplainedDate acceptanceDueBy, Instant now, Actor by) {
        return step(RepairStatus.RECEIVED, now, by, "补正后重新提交", d -> {
            List<Material> all = new ArrayList<>(d.materials);
            all.addAll(added);
            d.materials = all;
            if (statement != null && !statement.isBlank()) {
                d.form = new ApplicationForm(d.form.contactName(), d.form.contactPhone(), statement);
            }
            d.submittedDate = today;
            d.acceptanceDueBy = acceptanceDueBy;
        });
    }

    /** 延长审核期限 for a complex case or verification, with the reason (T29). */
    public RepairApplication extend(String reason, ExplainedDate newDueBy, Instant now, Actor by) {
        return step(RepairStatus.UNDER_REVIEW_EXTENDED, now, by, reason, d -> {
            d.extensionReason = reason;
            d.decisionDueBy = newDueBy;
        });
    }

    /** 准予修复: the result must reach the credit platforms by {@code syncDueBy} (T30). */
    public RepairApplication approve(LocalDate today, ExplainedDate syncDueBy, Instant now, Actor by) {
        return step(RepairStatus.APPROVED, now, by, "准予修复", d -> {
            d.decidedDate = today;
            d.reviewedBy = by.userId();
            d.syncDueBy = syncDueBy;
        });
    }

    /** 不予修复, with the reasons shown to the applicant. */
    public RepairApplication deny(LocalDate today, String reason, Instant now, Actor by) {
        return step(RepairStatus.DENIED, now, by, reason, d -> {
            d.decidedDate = today;
            d.reason = reason;
            d.reviewedBy = by.userId();
        });
    }

    /** The applicant withdraws (DOMAIN.md §8.3: from RECEIVED; [I] also while asked to supplement). */
    public RepairApplication withdraw(Instant now, Actor by) {
        return step(RepairStatus.WITHDRAWN, now, by, "申请人撤回", d -> {
        });
    }

    /** The result reached the external credit platform. */
    public RepairApplication synced(String reference, int attempts, Instant now) {
        return step(RepairStatus.COMPLETED, now, new Actor("credit-platform-sync", "SYSTEM"), "结果已同步：" + reference,
                d -> {
                    d.syncedAt = now;
                    d.platformReference = reference;
                    d.syncAttempts = attempts;
                });
    }

    /** Revoked for false materials: publicity is restored and re-application barred until {@code barredUntil} [U]. */
    public RepairApplication revoke(LocalDate today, String reason, LocalDate barredUntil, Instant now, Actor by) {
        return step(RepairStatus.REVOKED, now, by, reason, d -> {
            d.revokedDate = today;
            d.reason = reason;
            d.barredUntil = barredUntil;
        });
    }

    public static final String ACCEPTANCE_OVERDUE = "ACCEPTANCE_OVERDUE";
    public static final String DECISION_OVERDUE = "DECISION_OVERDUE";
    public static final String SYNC_OVERDUE = "SYNC_OVERDUE";
    /** The time limits {@link #overdue} can name. */
    public static final List<String> OVERDUE_LIMITS = List.of(ACCEPTANCE_OVERDUE, DECISION_OVERDUE, SYNC_OVERDUE);

    /** Overdue flags as of {@code today}: a limit passed while the step it limits is still to be done. */
    public List<String> overdue(LocalDate today) {
        List<String> flags = new ArrayList<>();
        if (status == RepairStatus.RECEIVED && late(acceptanceDueBy, today)) {
            flags.add(ACCEPTANCE_OVERDUE);
        }
        if ((status == RepairStatus.UNDER_REVIEW || status == RepairStatus.UNDER_REVIEW_EXTENDED)
                && late(decisionDueBy, today)) {
            flags.add(DECISION_OVERDUE);
        }
        if (status == RepairStatus.APPROVED && late(syncDueBy, today)) {
            flags.add(SYNC_OVERDUE);
        }
        return flags;
    }

    private static boolean late(ExplainedDate due, LocalDate today) {
        return due != null && today.isAfter(due.date());
    }

    private RepairApplication step(RepairStatus to, Instant now, Actor by, String note, Consumer<Draft> change) {
        if (!status.next().contains(to)) {
            throw new IllegalRepairTransitionException(status, to);
        }
        Draft d = new Draft(this);
        change.accept(d);
        List<Transition> h = new ArrayList<>(history);
        h.add(new Transition(status, to, now, by.userId(), by.role(), note));
        return new RepairApplication(applicationId, uscc, recordId, caseId, decisionDocumentNumber, to, d.form,
                commitment, d.materials, d.submittedDate, submittedAt, blockedReasons, earliestApplicationDate,
                d.acceptanceDueBy, d.acceptedDate, d.decisionDueBy, d.extensionReason, d.decidedDate, d.reason,
                d.reviewedBy, d.syncDueBy, d.syncedAt, d.platformReference, d.syncAttempts, d.revokedDate,
                d.barredUntil, h);
    }

    /** The fields a step may change. */
    private static final class Draft {
        ApplicationForm form;
        List<Material> materials;
        LocalDate submittedDate;
        ExplainedDate acceptanceDueBy;
        LocalDate acceptedDate;
        ExplainedDate decisionDueBy;
        String extensionReason;
        LocalDate decidedDate;
        String reason;
        String reviewedBy;
        ExplainedDate syncDueBy;
        Instant syncedAt;
        String platformReference;
        int syncAttempts;
        LocalDate revokedDate;
        LocalDate barredUntil;

        Draft(RepairApplication a) {
            form = a.form;
            materials = a.materials;
            submittedDate = a.submittedDate;
            acceptanceDueBy = a.acceptanceDueBy;
            acceptedDate = a.acceptedDate;
            decisionDueBy = a.decisionDueBy;
            extensionReason = a.extensionReason;
            decidedDate = a.decidedDate;
            reason = a.reason;
            reviewedBy = a.reviewedBy;
            syncDueBy = a.syncDueBy;
            syncedAt = a.syncedAt;
            platformReference = a.platformReference;
            syncAttempts = a.syncAttempts;
            revokedDate = a.revokedDate;
            barredUntil = a.barredUntil;
        }
    }
}
