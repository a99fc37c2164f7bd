package cn.gov.eco.notice.delivery.infrastructure;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.notice.delivery.application.DualDeliveryService;
import cn.gov.eco.notice.delivery.application.PenaltyDecidedMessage;
import cn.gov.eco.platform.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Consumes {@code enforcement.case.v1}: each {@code PenaltyDecided} starts a dual delivery. */
public class PenaltyDecidedListener {

    private final DualDeliveryService service;
    private final InboundEvents events;

    public PenaltyDecidedListener(DualDeliveryService service, InboundEvents events) {
        this.service = service;
        this.events = events;
    }

    @KafkaListener(id = "notice-penalty-decided", topics = "#{T(cn.gov.eco.contracts.Topics).ENFORCEMENT_CASE.name()}",
            groupId = "${spring.kafka.consumer.group-id}")
    public void on(ConsumerRecord<String, byte[]> record) {
        events.handle(record, EventTypes.PENALTY_DECIDED, PenaltyDecidedMessage.class,
                m -> m.caseId() != null && m.enterprise() != null && m.decisionDate() != null
                        && m.documentNumber() != null && m.severityTier() != null && m.penalties() != null,
                service::onPenaltyDecided);
    }
}
