package cn.gov.eco.credit.publicity.infrastructure;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.credit.publicity.application.DecisionOutcomeMessage;
import cn.gov.eco.credit.publicity.application.PublicityLifecycle;
import cn.gov.eco.platform.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes {@code enforcement.case.v1} for publicity: a revoked or changed decision is withdrawn (T14). Its own
 * consumer group, so that the other credit features reading the same topic each see every record.
 */
public class CaseOutcomeListener {

    private final PublicityLifecycle lifecycle;
    private final InboundEvents events;

    public CaseOutcomeListener(PublicityLifecycle lifecycle, InboundEvents events) {
        this.lifecycle = lifecycle;
        this.events = events;
    }

    @KafkaListener(id = "credit-publicity-case-outcomes",
            topics = "#{T(cn.gov.eco.contracts.Topics).ENFORCEMENT_CASE.name()}",
            groupId = "${spring.kafka.consumer.group-id}.publicity")
    public void on(ConsumerRecord<String, byte[]> record) {
        if (!events.handle(record, EventTypes.DECISION_REVOKED, DecisionOutcomeMessage.class,
                DecisionOutcomeMessage::complete, lifecycle::onDecisionRevoked)) {
            events.handle(record, EventTypes.DECISION_AMENDED, DecisionOutcomeMessage.class,
                    DecisionOutcomeMessage::completeAmendment, lifecycle::onDecisionAmended);
        }
    }
}
