package cn.gov.eco.credit.repair.infrastructure;

import cn.gov.eco.contracts.EventType;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.credit.repair.application.RepairFactsRecorder;
import cn.gov.eco.credit.repair.application.RepairMessages;
import cn.gov.eco.platform.messaging.InboundEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.List;

/**
 * Where the repair facts come from: {@code enforcement.case.v1} (the decision's fine, payments, verified
 * rectification, revocation of the decision), {@code credit.publicity.v1} (the record and its dates) and
 * {@code credit.repair.v1} (this feature's own approvals and revocations, read back so the facts follow the events
 * and not a second write). Every handler is idempotent; other types on the topics are not for it.
 */
public class RepairEventListeners {

    private final RepairFactsRecorder recorder;
    private final InboundEvents events;

    public RepairEventListeners(RepairFactsRecorder recorder, InboundEvents events) {
        this.recorder = recorder;
        this.events = events;
    }

    @KafkaListener(id = "credit-repair-enforcement", topics = "#{T(cn.gov.eco.contracts.Topics).ENFORCEMENT_CASE.name()}",
            groupId = "${spring.kafka.consumer.group-id}")
    public void onCase(ConsumerRecord<String, byte[]> record) {
        if (events.handle(record, EventTypes.FINE_PAID, RepairMessages.FinePaid.class,
                RepairMessages.FinePaid::complete, recorder::onFinePaid)) {
            return;
        }
        if (events.handle(record, EventTypes.RECTIFICATION_VERIFIED, RepairMessages.RectificationVerified.class,
                RepairMessages.RectificationVerified::complete, recorder::onRectificationVerified)) {
            return;
        }
        if (events.handle(record, EventTypes.PENALTY_DECIDED, RepairMessages.PenaltyDecided.class,
                RepairMessages.PenaltyDecided::complete, recorder::onPenaltyDecided)) {
            return;
        }
        events.handle(record, EventTypes.DECISION_REVOKED, RepairMessages.DecisionRevoked.class,
                RepairMessages.DecisionRevoked::complete, recorder::onDecisionRevoked);
    }

    @KafkaListener(id = "credit-repair-publicity", topics = "#{T(cn.gov.eco.contracts.Topics).CREDIT_PUBLICITY.name()}",
            groupId = "${spring.kafka.consumer.group-id}")
    public void onPublicity(ConsumerRecord<String, byte[]> record) {
        if (events.handle(record, EventTypes.PUBLICITY_OPENED, RepairMessages.PublicityOpened.class,
                RepairMessages.PublicityOpened::complete, recorder::onPublicityOpened)) {
            return;
        }
        if (events.handle(record, EventTypes.PUBLICITY_NOT_PUBLISHED, RepairMessages.PublicityNotPublished.class,
                RepairMessages.PublicityNotPublished::complete, recorder::onPublicityNotPublished)) {
            return;
        }
        for (EventType transition : PUBLICITY_TRANSITIONS) {
            if (events.handle(record, transition, RepairMessages.PublicityStatusChanged.class,
                    RepairMessages.PublicityStatusChanged::complete, recorder::onPublicityStatusChanged)) {
                return;
            }
        }
    }

    /** The publicity feature's later transitions of a record, each carrying the record's new status. */
    static final List<EventType> PUBLICITY_TRANSITIONS = List.of(EventTypes.PUBLICITY_MINIMUM_PERIOD_ELAPSED,
            EventTypes.PUBLICITY_WITHDRAWN, EventTypes.PUBLICITY_EXPIRED, EventTypes.PUBLICITY_TERMINATED_BY_REPAIR,
            EventTypes.PUBLICITY_REPUBLISHED);

    @KafkaListener(id = "credit-repair-decisions", topics = "#{T(cn.gov.eco.contracts.Topics).CREDIT_REPAIR.name()}",
            groupId = "${spring.kafka.consumer.group-id}")
    public void onRepair(ConsumerRecord<String, byte[]> record) {
        if (events.handle(record, EventTypes.REPAIR_APPROVED, RepairMessages.RepairDecided.class,
                RepairMessages.RepairDecided::complete, recorder::onRepairApproved)) {
            return;
        }
        events.handle(record, EventTypes.REPAIR_REVOKED, RepairMessages.RepairDecided.class,
                m -> m.complete() && m.reapplicationBarredUntil() != null, recorder::onRepairRevoked);
    }
}
