package cn.gov.eco.credit.repair.infrastructure;

import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.credit.repair.model.RepairApplication;
import cn.gov.eco.credit.repair.model.RepairFacts;
import cn.gov.eco.credit.repair.model.UnmetCondition;
import cn.gov.eco.platform.calendar.ExplainedDate;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.platform.messaging.OutboxWriter;

import java.time.LocalDate;
import java.util.List;

/**
 * The integration events of {@code credit.repair.v1} (schemas in the contracts module), keyed by the enterprise's
 * USCC, and the mapping from the application's steps to them. No personal data (contact name, phone) goes out.
 */
public class RepairEvents {

    private static final String RULE_SET = "NDRC-ORDER-36";

    private final OutboxWriter outbox;
    /** Read at each event: an official year loaded at run time changes the calendar version. */
    private final java.util.function.Supplier<String> calendarVersion;

    public RepairEvents(OutboxWriter outbox, String calendarVersion) {
        this(outbox, () -> calendarVersion);
    }

    public RepairEvents(OutboxWriter outbox, java.util.function.Supplier<String> calendarVersion) {
        this.outbox = outbox;
        this.calendarVersion = calendarVersion;
    }

    public record Reason(String code, String messageZh, String messageEn) {
    }

    public record SubmittedV1(String uscc, String applicationId, String recordId, String caseId,
                              String decisionDocumentNumber, String status, String submittedDate,
                              boolean resubmission, String commitmentVersion, String commitmentSha256,
                              int materialCount, ExplainedDate acceptanceDueBy, String recordedAt) {
    }

    public record BlockedV1(String uscc, String applicationId, String recordId, String caseId,
                            String decisionDocumentNumber, String status, String submittedDate, List<Reason> reasons,
                            String earliestApplicationDate, String recordedAt) {
    }

    public record AcceptedV1(String uscc, String applicationId, String recordId, String caseId,
                             String decisionDocumentNumber, String status, String acceptedDate, String reviewedBy,
                             ExplainedDate decisionDueBy, String recordedAt) {
    }

    public record NotAcceptedV1(String uscc, String applicationId, String recordId, String caseId,
                                String decisionDocumentNumber, String status, String decidedDate, String reason,
                                String reviewedBy, String recordedAt) {
    }

    public record SupplementRequestedV1(String uscc, String applicationId, String recordId, String caseId,
                                        String decisionDocumentNumber, String status, String requestedDate,
                                        String reason, String reviewedBy, String recordedAt) {
    }

    public record ApprovedV1(String uscc, String applicationId, String recordId, String caseId,
                             String decisionDocumentNumber, String approvedDate, String reviewedBy,
                             ExplainedDate syncBy, String recordedAt) {
    }

    public record DeniedV1(String uscc, String applicationId, String recordId, String caseId,
                           String decisionDocumentNumber, String status, String deniedDate, String reason,
                           String reviewedBy, String recordedAt) {
    }

    public record SyncedV1(String uscc, String applicationId, String recordId, String caseId,
                           String decisionDocumentNumber, String status, String platform, String platformReference,
                           String syncedAt, String syncDueBy, boolean overdue, int attempts, String recordedAt) {
    }

    public record RevokedV1(String uscc, String applicationId, String recordId, String caseId,
                            String decisionDocumentNumber, String revokedDate, String reason,
                            String reapplicationBarredUntil, String recordedAt) {
    }

    public record WithdrawnV1(String uscc, String applicationId, String recordId, String caseId,
                              String decisionDocumentNumber, String status, String withdrawnDate, String recordedAt) {
    }

    public record WindowOpenedV1(String uscc, String recordId, String caseId, String decisionDocumentNumber,
                                 String earliestApplicationDate, String openedDate, String recordedAt) {
    }

    public OutboxEvent submitted(RepairApplication a, long seq, boolean resubmission) {
        return raise(EventTypes.REPAIR_APPLICATION_SUBMITTED, a, seq, new SubmittedV1(a.uscc(), a.applicationId(),
                a.recordId(), a.caseId(), a.decisionDocumentNumber(), a.status().name(), str(a.submittedDate()),
                resubmission, a.commitment().versionId(), a.commitment().sha256(), a.materials().size(),
                a.acceptanceDueBy(), last(a)));
    }

    public OutboxEvent blocked(RepairApplication a, long seq) {
        return raise(EventTypes.REPAIR_APPLICATION_BLOCKED, a, seq, new BlockedV1(a.uscc(), a.applicationId(),
                a.recordId(), a.caseId(), a.decisionDocumentNumber(), a.status().name(), str(a.submittedDate()),
                a.blockedReasons().stream().map(RepairEvents::reason).toList(),
                a.earliestApplicationDate() == null ? null : a.earliestApplicationDate().date().toString(),
                last(a)));
    }

    public OutboxEvent accepted(RepairApplication a, long seq) {
        return raise(EventTypes.REPAIR_APPLICATION_ACCEPTED, a, seq, new AcceptedV1(a.uscc(), a.applicationId(),
                a.recordId(), a.caseId(), a.decisionDocumentNumber(), a.status().name(), str(a.acceptedDate()),
                a.reviewedBy(), a.decisionDueBy(), last(a)));
    }

    public OutboxEvent notAccepted(RepairApplication a, long seq) {
        return raise(EventTypes.REPAIR_APPLICATION_NOT_ACCEPTED, a, seq, new NotAcceptedV1(a.uscc(),
                a.applicationId(), a.recordId(), a.caseId(), a.decisionDocumentNumber(), a.status().name(),
                str(a.decidedDate()), a.reason(), a.reviewedBy(), last(a)));
    }

    public OutboxEvent supplementRequested(RepairApplication a, long seq, LocalDate today) {
        return raise(EventTypes.REPAIR_SUPPLEMENT_REQUESTED, a, seq, new SupplementRequestedV1(a.uscc(),
                a.applicationId(), a.recordId(), a.caseId(), a.decisionDocumentNumber(), a.status().name(),
                today.toString(), a.reason(), a.reviewedBy(), last(a)));
    }

    public OutboxEvent approved(RepairApplication a, long seq) {
        return raise(EventTypes.REPAIR_APPROVED, a, seq, new ApprovedV1(a.uscc(), a.applicationId(), a.recordId(),
                a.caseId(), a.decisionDocumentNumber(), str(a.decidedDate()), a.reviewedBy(), a.syncDueBy(),
                last(a)));
    }

    public OutboxEvent denied(RepairApplication a, long seq) {
        return raise(EventTypes.REPAIR_DENIED, a, seq, new DeniedV1(a.uscc(), a.applicationId(), a.recordId(),
                a.caseId(), a.decisionDocumentNumber(), a.status().name(), str(a.decidedDate()), a.reason(),
                a.reviewedBy(), last(a)));
    }

    public OutboxEvent synced(RepairApplication a, long seq, String platform, boolean overdue) {
        return raise(EventTypes.REPAIR_RESULT_SYNCED, a, seq, new SyncedV1(a.uscc(), a.applicationId(),
                a.recordId(), a.caseId(), a.decisionDocumentNumber(), a.status().name(), platform,
                a.platformReference(), a.syncedAt().toString(),
                a.syncDueBy() == null ? null : a.syncDueBy().date().toString(), overdue, a.syncAttempts(), last(a)));
    }

    public OutboxEvent revoked(RepairApplication a, long seq) {
        return raise(EventTypes.REPAIR_REVOKED, a, seq, new RevokedV1(a.uscc(), a.applicationId(), a.recordId(),
                a.caseId(), a.decisionDocumentNumber(), str(a.revokedDate()), a.reason(), str(a.barredUntil()),
                last(a)));
    }

    public OutboxEvent withdrawn(RepairApplication a, long seq, LocalDate today) {
        return raise(EventTypes.REPAIR_APPLICATION_WITHDRAWN, a, seq, new WithdrawnV1(a.uscc(), a.applicationId(),
                a.recordId(), a.caseId(), a.decisionDocumentNumber(), a.status().name(), today.toString(),
                last(a)));
    }

    public OutboxEvent windowOpened(RepairFacts f, long seq, java.time.Instant now) {
        return outbox.raise(EventTypes.REPAIR_WINDOW_OPENED, f.uscc(), f.recordId(), seq,
                f.ruleSetId() == null ? RULE_SET : f.ruleSetId(), calendarVersion.get(),
                new WindowOpenedV1(f.uscc(), f.recordId(), f.caseId(), f.decisionDocumentNumber(),
                        f.earliestApplicationDate() == null ? null : f.earliestApplicationDate().date().toString(),
                        f.windowOpenedOn().toString(), now.toString()));
    }

    private OutboxEvent raise(EventType type, RepairApplication a, long seq, Object payload) {
        return outbox.raise(type, a.uscc(), a.applicationId(), seq, RULE_SET, calendarVersion.get(), payload);
    }

    private static Reason reason(UnmetCondition c) {
        return new Reason(c.code(), c.messageZh(), c.messageEn());
    }

    /** When the step that raised the event happened. */
    private static String last(RepairApplication a) {
        return a.history().getLast().at().toString();
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
