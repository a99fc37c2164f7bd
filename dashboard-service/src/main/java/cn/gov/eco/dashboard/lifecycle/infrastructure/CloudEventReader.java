package cn.gov.eco.dashboard.lifecycle.infrastructure;

import cn.gov.eco.contracts.Topics;
import cn.gov.eco.dashboard.lifecycle.application.ObservedEvent;
import cn.gov.eco.platform.messaging.CloudEventRecords;
import cn.gov.eco.platform.messaging.InboundEvent;
import cn.gov.eco.platform.messaging.PoisonRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Reads each record of a public topic as a CloudEvent in binary mode with the platform's reader (the same checks as
 * the services' listeners: a CloudEvent, of a type the catalogue lists for that topic, with data). The dashboard is
 * read-only and cannot dead-letter: a record it cannot read is logged and counted ({@link DashboardActivity}), shown
 * on the page, and skipped.
 */
final class CloudEventReader implements FixedKeyProcessor<String, byte[], ObservedEvent> {

    private static final Logger log = LoggerFactory.getLogger(CloudEventReader.class);

    private final DashboardActivity activity;
    private FixedKeyProcessorContext<String, ObservedEvent> context;

    CloudEventReader(DashboardActivity activity) {
        this.activity = activity;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ObservedEvent> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        var consumed = new ConsumerRecord<>(meta.topic(), meta.partition(), meta.offset(), record.timestamp(),
                TimestampType.CREATE_TIME, -1, -1, record.key(), record.value(), record.headers(), Optional.empty());
        try {
            InboundEvent event = CloudEventRecords.fromRecord(consumed);
            String name = Topics.eventType(event.ceType()).orElseThrow().name();
            context.forward(record.withValue(new ObservedEvent(event.eventId(), name, record.key(),
                    event.payloadJson())));
            activity.read(meta.topic());
        } catch (PoisonRecordException e) {
            activity.unreadable(meta.topic());
            log.warn("unreadable record skipped: {}-{}@{}: {}", meta.topic(), meta.partition(), meta.offset(),
                    e.getMessage());
        }
    }
}
