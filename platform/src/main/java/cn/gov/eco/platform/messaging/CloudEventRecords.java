package cn.gov.eco.platform.messaging;

import cn.gov.eco.contracts.Topics;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * CloudEvents binary mode on Kafka: the attributes travel as {@code ce_*} headers, the JSON payload as the record
 * value. Extensions: {@code ce_sequence} (per-aggregate order), {@code ce_rulesetid}, {@code ce_calendarversion} and
 * {@code ce_traceparent}; the W3C {@code traceparent} is also set as a plain header for tracing tools.
 */
public final class CloudEventRecords {

    public static final String EXT_SEQUENCE = "sequence";
    public static final String EXT_RULE_SET = "rulesetid";
    public static final String EXT_CALENDAR = "calendarversion";
    public static final String EXT_TRACEPARENT = "traceparent";

    private CloudEventRecords() {
    }

    public static ProducerRecord<String, byte[]> toRecord(OutboxEvent e, URI source) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(e.eventId())
                .withType(e.ceType())
                .withSource(source)
                .withSubject(e.subject())
                .withTime(e.time().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withDataSchema(URI.create("urn:cn.gov.eco:schema:" + e.ceType()))
                .withExtension(EXT_SEQUENCE, Long.toString(e.sequence()))
                .withExtension(EXT_RULE_SET, e.ruleSetId())
                .withExtension(EXT_CALENDAR, e.calendarVersion())
                .withExtension(EXT_TRACEPARENT, e.traceparent())
                .withData(e.payloadJson().getBytes(StandardCharsets.UTF_8))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter(e.topic(), e.key())
                .writeBinary(event);
        record.headers().add("traceparent", e.traceparent().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * Reads a consumed record as a CloudEvent.
     *
     * @throws PoisonRecordException when the record is not a CloudEvent of a known type with a JSON payload
     */
    /**
     * RELIABILITY.md R5: a type (or a version of it) that the catalogue does not list for the topic the record came
     * from is poison, not "someone else's event": each event type has exactly one writer topic
     * ({@link Topics#carrying}). Topics outside the catalogue (tests' own) accept any catalogued type.
     */
    static boolean knownOn(String topic, String ceType) {
        if (ceType == null) {
            return false;
        }
        return Topics.byName(topic).map(t -> t.eventType(ceType).isPresent())
                .orElseGet(() -> Topics.eventType(ceType).isPresent());
    }

    public static InboundEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new PoisonRecordException("not a CloudEvent: " + e.getMessage(), e);
        }
        if (!knownOn(record.topic(), event.getType())) {
            throw new PoisonRecordException("unknown event type or version " + event.getType() + " on "
                    + record.topic() + ": not in the contract catalogue for this topic");
        }
        if (event.getData() == null) {
            throw new PoisonRecordException("event " + event.getId() + " has no data");
        }
        Object sequence = event.getExtension(EXT_SEQUENCE);
        long seq;
        try {
            seq = sequence == null ? 0 : Long.parseLong(sequence.toString());
        } catch (NumberFormatException e) {
            throw new PoisonRecordException("event " + event.getId() + " has a malformed sequence " + sequence, e);
        }
        return new InboundEvent(event.getId(), event.getType(), event.getSubject(), record.key(), seq,
                event.getTime() == null ? null : event.getTime().toInstant(),
                string(event.getExtension(EXT_RULE_SET)), string(event.getExtension(EXT_CALENDAR)),
                string(event.getExtension(EXT_TRACEPARENT)),
                new String(event.getData().toBytes(), StandardCharsets.UTF_8),
                record.topic(), record.partition(), record.offset());
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
