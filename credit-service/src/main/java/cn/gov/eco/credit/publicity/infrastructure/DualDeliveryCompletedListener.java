package cn.gov.eco.credit.publicity.infrastructure;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.credit.publicity.application.DualDeliveryCompletedMessage;
import cn.gov.eco.credit.publicity.application.PublicityLifecycle;
import cn.gov.eco.platform.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Consumes {@code notice.delivery.v1}: a completed dual delivery opens the publicity record. */
public class DualDeliveryCompletedListener {

    private final PublicityLifecycle lifecycle;
    private final InboundEvents events;

    public DualDeliveryCompletedListener(PublicityLifecycle lifecycle, InboundEvents events) {
        this.lifecycle = lifecycle;
        this.events = events;
    }

    @KafkaListener(id = "credit-dual-delivery-completed",
            topics = "#{T(cn.gov.eco.contracts.Topics).NOTICE_DELIVERY.name()}",
            groupId = "${spring.kafka.consumer.group-id}")
    public void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record, EventTypes.DUAL_DELIVERY_COMPLETED, DualDeliveryCompletedMessage.class,
                m -> m.caseId() != null && m.uscc() != null && m.decision() != null
                        && m.decision().decisionDate() != null && m.decision().severityTier() != null
                        && m.serviceAct() != null,
                lifecycle::onDualDeliveryCompleted);
    }
}
