package cn.gov.eco.notice.delivery.infrastructure;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.notice.delivery.application.DualDeliveryService;
import cn.gov.eco.notice.delivery.application.PenaltyDecidedMessage;
import cn.gov.eco.platform.messaging.CloudEventRecords;
import cn.gov.eco.platform.messaging.InboundEvent;
import cn.gov.eco.platform.messaging.PoisonRecordException;
import cn.gov.eco.platform.trace.TraceContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Consumes {@code enforcement.case.v1}: each {@code PenaltyDecided} starts a dual delivery. */
public class PenaltyDecidedListener {

    private static final Logger log = LoggerFactory.getLogger(PenaltyDecidedListener.class);

    private final DualDeliveryService service;
    private final JsonMapper json;

    public PenaltyDecidedListener(DualDeliveryService service, JsonMapper json) {
        this.service = service;
        this.json = json;
    }

    @KafkaListener(id = "notice-penalty-decided", topics = "#{T(cn.gov.eco.contracts.Topics).ENFORCEMENT_CASE.name()}",
            groupId = "${spring.kafka.consumer.group-id}")
    public void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = CloudEventRecords.fromRecord(record);
        if (!EventTypes.PENALTY_DECIDED.ceType().equals(event.ceType())) {
            return; // other case events are not for this service
        }
        PenaltyDecidedMessage message;
        try {
            message = json.readValue(event.payloadJson(), PenaltyDecidedMessage.class);
        } catch (JacksonException e) {
            throw new PoisonRecordException("PenaltyDecided " + event.eventId() + " is unreadable: " + e.getMessage(), e);
        }
        if (message.caseId() == null || message.enterprise() == null || message.decisionDate() == null
                || message.documentNumber() == null || message.severityTier() == null) {
            throw new PoisonRecordException("PenaltyDecided " + event.eventId() + " lacks required fields");
        }
        TraceContext trace = TraceContext.parse(event.traceparent()).map(TraceContext::child)
                .orElseGet(TraceContext::newRoot);
        TraceContext.runWithin(trace, () -> {
            boolean created = service.onPenaltyDecided(message);
            log.debug("PenaltyDecided {} for case {}: {}", event.eventId(), message.caseId(),
                    created ? "served both documents" : "already delivered, ignored");
        });
    }
}
