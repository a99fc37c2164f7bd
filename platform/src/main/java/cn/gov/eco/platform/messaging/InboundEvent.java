package cn.gov.eco.platform.messaging;

import java.time.Instant;

/** A consumed CloudEvent with its Kafka coordinates. */
public record InboundEvent(String eventId, String ceType, String subject, String key, long sequence, Instant time,
                           String ruleSetId, String calendarVersion, String traceparent, String payloadJson,
                           String topic, int partition, long offset) {
}
