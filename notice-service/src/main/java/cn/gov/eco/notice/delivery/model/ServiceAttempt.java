package cn.gov.eco.notice.delivery.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One attempt at serving both documents by one method; the delivery keeps every attempt (the history a reviewer
 * reads to see why the method changed).
 *
 * @param electronic        for an electronic attempt, the consented channel and address
 * @param sends             how many times the dispatcher tried to hand the pair to the channel
 * @param nextSendAt        when the dispatcher tries (again); null once the channel took it
 * @param platformMessageId the channel's id for the message, once it took it
 * @param arrivalDueBy      when an electronic attempt the channel took counts as failed if no arrival receipt came
 * @param publicNotice      for a public notice, its publication and deemed-served date
 */
public record ServiceAttempt(int number, ServiceMethod method, Outcome outcome, Instant startedAt, String startedBy,
                             ElectronicTarget electronic, int sends, Instant nextSendAt, String lastSendError,
                             String platformMessageId, Instant submittedAt, Instant arrivalDueBy,
                             FailureReason failureReason,
                             LocalDate failedOn, String failureNote, List<String> failureEvidenceIds,
                             PublicNotice publicNotice, Instant endedAt) {

    public ServiceAttempt {
        failureEvidenceIds = failureEvidenceIds == null ? List.of() : List.copyOf(failureEvidenceIds);
    }

    public enum Outcome { OPEN, SERVED, FAILED, SUPERSEDED }

    static ServiceAttempt open(int number, ServiceMethod method, Instant at, String by, ElectronicTarget target) {
        return new ServiceAttempt(number, method, Outcome.OPEN, at, by, target, 0, target == null ? null : at, null,
                null, null, null, null, null, null, List.of(), null, null);
    }

    public boolean inProgress() {
        return outcome == Outcome.OPEN;
    }

    /** An electronic attempt the channel has not taken yet: the dispatcher's work. */
    public boolean awaitingSend() {
        return inProgress() && method == ServiceMethod.ELECTRONIC && platformMessageId == null;
    }

    ServiceAttempt ended(Outcome o, Instant at) {
        return new ServiceAttempt(number, method, o, startedAt, startedBy, electronic, sends, null, lastSendError,
                platformMessageId, submittedAt, null, failureReason, failedOn, failureNote, failureEvidenceIds,
                publicNotice, at);
    }

    ServiceAttempt failed(FailureReason reason, LocalDate on, String note, List<String> evidence, Instant at) {
        return new ServiceAttempt(number, method, Outcome.FAILED, startedAt, startedBy, electronic, sends, null,
                lastSendError, platformMessageId, submittedAt, null, reason, on, note, evidence, publicNotice, at);
    }

    ServiceAttempt submitted(String messageId, Instant acceptedAt, Instant arrivalDue) {
        return new ServiceAttempt(number, method, outcome, startedAt, startedBy, electronic, sends + 1, null, null,
                messageId, acceptedAt, arrivalDue, null, null, null, List.of(), publicNotice, endedAt);
    }

    /** An electronic attempt the channel took whose arrival receipt is overdue at {@code now}. */
    public boolean arrivalOverdue(Instant now) {
        return inProgress() && method == ServiceMethod.ELECTRONIC && platformMessageId != null
                && arrivalDueBy != null && !now.isBefore(arrivalDueBy);
    }

    ServiceAttempt sendDeferred(String error, Instant next) {
        return new ServiceAttempt(number, method, outcome, startedAt, startedBy, electronic, sends + 1, next, error,
                null, null, null, null, null, null, List.of(), publicNotice, endedAt);
    }

    ServiceAttempt withPublicNotice(PublicNotice notice) {
        return new ServiceAttempt(number, method, outcome, startedAt, startedBy, electronic, sends, null, null, null,
                null, null, null, null, null, List.of(), notice, endedAt);
    }
}
