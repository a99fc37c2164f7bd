package cn.gov.eco.platform.messaging;

import java.time.Instant;
import java.util.Objects;

/**
 * An integration event waiting in (or already relayed from) its aggregate's outbox. It is written in the same
 * single-document update as the state change that raised it, so there is no state change without its event and no
 * event without its state change (ARCHITECTURE.md, "Consistency model").
 *
 * @param eventId         the CloudEvents {@code ce_id}: generated once, when the event is raised, and stable across
 *                        every re-publication and redelivery
 * @param ceType          versioned CloudEvents type, e.g. {@code cn.gov.eco.enforcement.PenaltyDecided.v1}
 * @param topic           the topic of the catalogue that carries the type
 * @param key             the record key: the case id or the enterprise's USCC, by topic
 * @param subject         the CloudEvents {@code ce_subject}: the aggregate the event is about
 * @param sequence        per-aggregate sequence number, strictly increasing, so consumers can check order
 * @param time            when the change happened ({@code ce_time})
 * @param ruleSetId       the rule set applied (e.g. {@code NDRC-ORDER-36}), or {@code none}
 * @param calendarVersion the working-day calendar version applied
 * @param traceparent     the W3C trace context of the request or event that caused the change
 * @param payloadJson     the JSON payload, already validated against the type's schema
 * @param sentAt          when the relay had the broker's acknowledgement; {@code null} while pending
 * @param attempts        publications the broker refused for a reason that will not pass by itself (too large, not
 *                        authorised, not serialisable); a broker that is merely unreachable does not count
 * @param lastError       the last such refusal, or {@code null}
 * @param parkedAt        when the relay gave up after the bounded attempts ({@link #STATUS_PARKED}); {@code null}
 *                        otherwise. A parked event is work for a person: {@code GET /api/operations/stuck}
 */
public record OutboxEvent(String eventId, String ceType, String topic, String key, String subject, long sequence,
                          Instant time, String ruleSetId, String calendarVersion, String traceparent,
                          String payloadJson, Instant sentAt, int attempts, String lastError, Instant parkedAt) {

    public static final String STATUS_PENDING = "PENDING";
    public static final String STATUS_SENT = "SENT";
    /** The status observability and the stuck-work queue look for in an outbox entry. */
    public static final String STATUS_PARKED = "PARKED";

    public OutboxEvent(String eventId, String ceType, String topic, String key, String subject, long sequence,
                       Instant time, String ruleSetId, String calendarVersion, String traceparent,
                       String payloadJson, Instant sentAt) {
        this(eventId, ceType, topic, key, subject, sequence, time, ruleSetId, calendarVersion, traceparent,
                payloadJson, sentAt, 0, null, null);
    }

    public OutboxEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(ceType, "ceType");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }

    /** Waiting to be published: neither sent nor parked. */
    public boolean pending() {
        return sentAt == null && parkedAt == null;
    }

    public boolean parked() {
        return sentAt == null && parkedAt != null;
    }

    public String status() {
        return sentAt != null ? STATUS_SENT : parkedAt != null ? STATUS_PARKED : STATUS_PENDING;
    }

    public OutboxEvent markSent(Instant at) {
        return new OutboxEvent(eventId, ceType, topic, key, subject, sequence, time, ruleSetId, calendarVersion,
                traceparent, payloadJson, at, attempts, lastError, null);
    }

    /** One more refused publication; parked at {@code parkAt} when that is not {@code null}. */
    public OutboxEvent markFailed(String error, Instant parkAt) {
        return new OutboxEvent(eventId, ceType, topic, key, subject, sequence, time, ruleSetId, calendarVersion,
                traceparent, payloadJson, null, attempts + 1, error, parkAt);
    }

    /** Pending again after a fix, with a fresh count of attempts; the last error stays for the record. */
    public OutboxEvent unpark() {
        return new OutboxEvent(eventId, ceType, topic, key, subject, sequence, time, ruleSetId, calendarVersion,
                traceparent, payloadJson, null, 0, lastError, null);
    }
}
