package cn.gov.eco.credit.publicity.infrastructure;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.credit.publicity.application.PublicityLifecycle;
import cn.gov.eco.credit.publicity.application.RepairDecisionMessage;
import cn.gov.eco.platform.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes {@code credit.repair.v1} (the repair feature's decisions): an approved repair terminates the record, a
 * revoked one republishes it until the original maximum end.
 */
public class RepairDecisionListener {

    private final PublicityLifecycle lifecycle;
    private final InboundEvents events;

    public RepairDecisionListener(PublicityLifecycle lifecycle, InboundEvents events) {
        this.lifecycle = lifecycle;
        this.events = events;
    }

    @KafkaListener(id = "credit-publicity-repair-decisions",
            topics = "#{T(cn.gov.eco.contracts.Topics).CREDIT_REPAIR.name()}",
            groupId = "${spring.kafka.consumer.group-id}.publicity")
    public void on(ConsumerRecord<String, byte[]> record) {
        if (!events.handle(record, EventTypes.REPAIR_APPROVED, RepairDecisionMessage.class,
                RepairDecisionMessage::completeApproval, lifecycle::onRepairApproved)) {
            events.handle(record, EventTypes.REPAIR_REVOKED, RepairDecisionMessage.class,
                    RepairDecisionMessage::completeRevocation, lifecycle::onRepairRevoked);
        }
    }
}
