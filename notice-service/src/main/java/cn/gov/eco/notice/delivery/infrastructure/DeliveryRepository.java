package cn.gov.eco.notice.delivery.infrastructure;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.notice.delivery.application.PenaltyDecidedMessage;
import cn.gov.eco.notice.delivery.model.DualDelivery;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.platform.messaging.OutboxWriter;
import cn.gov.eco.platform.publicity.PublicityPlan;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Optional;

/**
 * The {@code deliveries} collection: one document per decision (id = case id) holding both documents, the act of
 * service and the outbox. The delivery is stored as JSON-shaped BSON of the model, read back the same way.
 */
public class DeliveryRepository {

    public static final String COLLECTION = "deliveries";

    private final MongoCollection<Document> deliveries;
    private final OutboxWriter outbox;
    private final JsonMapper json;

    public DeliveryRepository(MongoDatabase db, OutboxWriter outbox, JsonMapper json) {
        this.deliveries = db.getCollection(COLLECTION);
        this.outbox = outbox;
        this.json = json;
    }

    public boolean exists(String caseId) {
        return deliveries.countDocuments(Filters.eq("_id", caseId)) > 0;
    }

    /** Both events and the served delivery in one insert; false if the delivery already existed. */
    public boolean insertServed(DualDelivery d, PenaltyDecidedMessage m, PublicityPlan plan) {
        String calendar = d.serveBy().derivation().calendarVersion();
        List<OutboxEvent> raised = List.of(
                outbox.raise(EventTypes.DUAL_DELIVERY_PREPARED, d.caseId(), d.deliveryId(), 1, plan.ruleSetId(),
                        calendar, DeliveryEvents.prepared(d, d.serviceAct().servedAt())),
                outbox.raise(EventTypes.DUAL_DELIVERY_COMPLETED, d.caseId(), d.deliveryId(), 2, plan.ruleSetId(),
                        calendar, DeliveryEvents.completed(d, m)));
        Document doc = new Document("_id", d.deliveryId())
                .append("uscc", d.uscc())
                .append("status", d.status().name())
                .append("delivery", Document.parse(json.writeValueAsString(d)));
        return outbox.insertWithEvents(deliveries, doc, raised);
    }

    public Optional<DualDelivery> find(String caseId) {
        Document d = deliveries.find(Filters.eq("_id", caseId)).first();
        return Optional.ofNullable(d).map(x -> json.readValue(x.get("delivery", Document.class).toJson(),
                DualDelivery.class));
    }
}
