package cn.gov.eco.enforcement.execution.infrastructure;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.enforcement.execution.application.DualDeliveryCompletedMessage;
import cn.gov.eco.enforcement.execution.application.ExecutionService;
import cn.gov.eco.platform.messaging.CloudEventRecords;
import cn.gov.eco.platform.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes {@code notice.delivery.v1}: a completed dual delivery (两书同达) starts the payment clock of the case from
 * its served date. Idempotent by the case (one execution per decision) and remembers the event that started it.
 */
public class ServedDecisionListener {

    private final ExecutionService execution;
    private final InboundEvents events;

    public ServedDecisionListener(ExecutionService execution, InboundEvents events) {
        this.execution = execution;
        this.events = events;
    }

    @KafkaListener(id = "case-dual-delivery-completed",
            topics = "#{T(cn.gov.eco.contracts.Topics).NOTICE_DELIVERY.name()}",
            groupId = "${spring.kafka.consumer.group-id}")
    public void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record, EventTypes.DUAL_DELIVERY_COMPLETED, DualDeliveryCompletedMessage.class,
                DualDeliveryCompletedMessage::complete,
                m -> execution.onServed(m, CloudEventRecords.fromRecord(record).eventId()));
    }
}
