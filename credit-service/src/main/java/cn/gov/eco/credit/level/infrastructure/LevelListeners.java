package cn.gov.eco.credit.level.infrastructure;

import cn.gov.eco.credit.level.application.LevelMessages;

import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.credit.level.application.CreditLevelService;
import cn.gov.eco.credit.level.application.LevelMessages.CaseOutcome;
import cn.gov.eco.credit.level.application.LevelMessages.PenaltyDecided;
import cn.gov.eco.credit.level.application.LevelMessages.PublicityState;
import cn.gov.eco.credit.level.application.LevelMessages.RepairDecision;
import cn.gov.eco.platform.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The level feature's consumers, in their own consumer group ({@code <group>.level}) so that the publicity feature,
 * reading the same topics, still sees every record. {@code NoPenaltyDecided} is deliberately not read: a decision of
 * no penalty (《行政处罚法》第三十三条) is not adverse credit information and changes no level (DOMAIN.md §9 #28).
 */
public class LevelListeners {

    private final CreditLevelService levels;
    private final InboundEvents events;

    public LevelListeners(CreditLevelService levels, InboundEvents events) {
        this.levels = levels;
        this.events = events;
    }

    @KafkaListener(id = "credit-level-case-events",
            topics = "#{T(cn.gov.eco.contracts.Topics).ENFORCEMENT_CASE.name()}",
            groupId = "${spring.kafka.consumer.group-id}.level")
    public void onCase(ConsumerRecord<String, byte[]> record) {
        boolean handled = events.handle(record, EventTypes.PENALTY_DECIDED, PenaltyDecided.class,
                PenaltyDecided::complete, levels::onPenaltyDecided)
                || events.handle(record, EventTypes.DECISION_REVOKED, CaseOutcome.class, CaseOutcome::complete,
                levels::onDecisionRevoked)
                || events.handle(record, EventTypes.DECISION_AMENDED, CaseOutcome.class,
                CaseOutcome::completeAmendment, levels::onDecisionAmended);
        if (!handled) {
            events.handle(record, EventTypes.RECTIFICATION_VERIFIED, CaseOutcome.class,
                    CaseOutcome::completeVerification, levels::onRectificationVerified);
        }
    }

    @KafkaListener(id = "credit-level-repair-events",
            topics = "#{T(cn.gov.eco.contracts.Topics).CREDIT_REPAIR.name()}",
            groupId = "${spring.kafka.consumer.group-id}.level")
    public void onRepair(ConsumerRecord<String, byte[]> record) {
        if (events.handle(record, EventTypes.REPAIR_APPROVED, RepairDecision.class, RepairDecision::complete, m -> {
            levels.onRepairApproved(m); // each step idempotent: a redelivery after a crash between them completes both
            levels.onRepairApplication(new LevelMessages.RepairApplicationState(m.uscc(), m.applicationId()), false);
        })) {
            return;
        }
        if (events.handle(record, EventTypes.REPAIR_REVOKED, RepairDecision.class, RepairDecision::complete,
                levels::onRepairRevoked)) {
            return;
        }
        for (var e : APPLICATION_OPENS.entrySet()) {
            if (events.handle(record, e.getKey(), LevelMessages.RepairApplicationState.class,
                    LevelMessages.RepairApplicationState::complete, m -> levels.onRepairApplication(m, e.getValue()))) {
                return;
            }
        }
    }

    /** Which repair events open an application (true) and which close it (false); the others leave it as it is. */
    static final java.util.Map<EventType, Boolean> APPLICATION_OPENS = java.util.Map.of(
            EventTypes.REPAIR_APPLICATION_SUBMITTED, true, EventTypes.REPAIR_APPLICATION_ACCEPTED, true,
            EventTypes.REPAIR_SUPPLEMENT_REQUESTED, true, EventTypes.REPAIR_APPLICATION_NOT_ACCEPTED, false,
            EventTypes.REPAIR_DENIED, false, EventTypes.REPAIR_APPLICATION_WITHDRAWN, false);

    /** 两书同达 completed: the decision is served and takes effect; its penalty counts from then (DOMAIN.md §0.2). */
    @KafkaListener(id = "credit-level-delivery-events",
            topics = "#{T(cn.gov.eco.contracts.Topics).NOTICE_DELIVERY.name()}",
            groupId = "${spring.kafka.consumer.group-id}.level")
    public void onDelivery(ConsumerRecord<String, byte[]> record) {
        events.handle(record, EventTypes.DUAL_DELIVERY_COMPLETED, LevelMessages.Served.class,
                LevelMessages.Served::complete, levels::onServed);
    }

    /** Every publicity event carries the record's status after it: published or not. */
    @KafkaListener(id = "credit-level-publicity-events",
            topics = "#{T(cn.gov.eco.contracts.Topics).CREDIT_PUBLICITY.name()}",
            groupId = "${spring.kafka.consumer.group-id}.level")
    public void onPublicity(ConsumerRecord<String, byte[]> record) {
        for (EventType type : Topics.CREDIT_PUBLICITY.eventTypes()) {
            if (events.handle(record, type, PublicityState.class, PublicityState::complete, levels::onPublicity)) {
                return;
            }
        }
    }
}
