package cn.gov.eco.platform.messaging;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RELIABILITY.md R5 at the reading edge: what {@link CloudEventRecords#fromRecord} accepts and what it declares
 * poison (and so sends to the dead-letter topic on the first attempt).
 */
class CloudEventRecordsTest {

    @Test
    void shouldReadAnEventOfATypeItsTopicCarries() {
        InboundEvent event = CloudEventRecords.fromRecord(consumed(Topics.ENFORCEMENT_CASE.name(),
                EventTypes.PENALTY_DECIDED.ceType()));

        assertThat(event.ceType()).isEqualTo(EventTypes.PENALTY_DECIDED.ceType());
        assertThat(event.sequence()).isEqualTo(7);
    }

    @Test
    void shouldDeclareAnUnknownVersionOfAKnownTypePoison() {
        String v2 = EventTypes.PENALTY_DECIDED.ceType().replace(".v1", ".v2");

        assertThatThrownBy(() -> CloudEventRecords.fromRecord(consumed(Topics.ENFORCEMENT_CASE.name(), v2)))
                .isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("unknown event type or version").hasMessageContaining(v2);
    }

    @Test
    void shouldDeclareAnUnknownTypePoison() {
        assertThatThrownBy(() -> CloudEventRecords.fromRecord(consumed(Topics.NOTICE_DELIVERY.name(),
                "cn.gov.eco.notice.SomethingElse.v1"))).isInstanceOf(PoisonRecordException.class);
    }

    @Test
    void shouldDeclareAKnownTypeOnTheWrongTopicPoison() {
        // each type has exactly one writer topic; PublicityOpened on the case topic is not anybody's event
        assertThatThrownBy(() -> CloudEventRecords.fromRecord(consumed(Topics.ENFORCEMENT_CASE.name(),
                EventTypes.PUBLICITY_OPENED.ceType()))).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining(Topics.ENFORCEMENT_CASE.name());
    }

    @Test
    void shouldDeclareARecordThatIsNotACloudEventPoison() {
        var record = new ConsumerRecord<String, byte[]>(Topics.ENFORCEMENT_CASE.name(), 0, 0, "k",
                new byte[] {(byte) 0xff, 0});

        assertThatThrownBy(() -> CloudEventRecords.fromRecord(record)).isInstanceOf(PoisonRecordException.class);
    }

    private static ConsumerRecord<String, byte[]> consumed(String topic, String ceType) {
        OutboxEvent e = new OutboxEvent("evt-1", ceType, topic, "case-1", "case-1", 7, Instant.parse(
                "2026-11-26T00:00:00Z"), "rs", "cal", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                "{\"caseId\":\"case-1\"}", null);
        ProducerRecord<String, byte[]> produced = CloudEventRecords.toRecord(e, URI.create("/test"));
        var record = new ConsumerRecord<>(topic, 0, 0, produced.key(), produced.value());
        produced.headers().forEach(h -> record.headers().add(h));
        return record;
    }
}
