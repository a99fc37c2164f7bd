package cn.gov.eco.credit.publicity.infrastructure;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.credit.publicity.application.DualDeliveryCompletedMessage;
import cn.gov.eco.credit.publicity.application.PublicityOpener;
import cn.gov.eco.platform.messaging.CloudEventRecords;
import cn.gov.eco.platform.messaging.InboundEvent;
import cn.gov.eco.platform.messaging.PoisonRecordException;
import cn.gov.eco.platform.trace.TraceContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Consumes {@code notice.delivery.v1}: a completed dual delivery opens the publicity record. */
public class DualDeliveryCompletedListener {

    private final PublicityOpener opener;
    private final JsonMapper json;

    public DualDeliveryCompletedListener(PublicityOpener opener, JsonMapper json) {
        this.opener = opener;
        this.json = json;
    }

    @KafkaListener(id = "credit-dual-delivery-completed",
            topics = "#{T(cn.gov.eco.contracts.Topics).NOTICE_DELIVERY.name()}",
            groupId = "${spring.kafka.consumer.group-id}")
    public void on(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = CloudEventRecords.fromRecord(record);
        if (!EventTypes.DUAL_DELIVERY_COMPLETED.ceType().equals(event.ceType())) {
            return;
        }
        DualDeliveryCompletedMessage m;
        try {
            m = json.readValue(event.payloadJson(), DualDeliveryCompletedMessage.class);
        } catch (JacksonException e) {
            throw new PoisonRecordException("DualDeliveryCompleted " + event.eventId() + " is unreadable: "
                    + e.getMessage(), e);
        }
        if (m.caseId() == null || m.uscc() == null || m.decision() == null || m.decision().decisionDate() == null
                || m.decision().severityTier() == null || m.serviceAct() == null) {
            throw new PoisonRecordException("DualDeliveryCompleted " + event.eventId() + " lacks required fields");
        }
        TraceContext trace = TraceContext.parse(event.traceparent()).map(TraceContext::child)
                .orElseGet(TraceContext::newRoot);
        TraceContext.runWithin(trace, () -> opener.onDualDeliveryCompleted(m));
    }
}
