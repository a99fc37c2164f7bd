package cn.gov.eco.credit.publicity.infrastructure;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.credit.publicity.model.PublicityRecord;
import cn.gov.eco.credit.publicity.model.PublicityStatus;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.platform.messaging.OutboxWriter;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/** The {@code publicity_records} collection, one document per decision (id = case id), with its outbox. */
public class PublicityRepository {

    public static final String COLLECTION = "publicity_records";

    private final MongoCollection<Document> records;
    private final OutboxWriter outbox;
    private final JsonMapper json;

    public PublicityRepository(MongoDatabase db, OutboxWriter outbox, JsonMapper json) {
        this.records = db.getCollection(COLLECTION);
        this.outbox = outbox;
        this.json = json;
        records.createIndex(Indexes.ascending("uscc", "record.decisionDate"));
    }

    public boolean exists(String caseId) {
        return records.countDocuments(Filters.eq("_id", caseId)) > 0;
    }

    public boolean insertOpened(PublicityRecord r) {
        String calendar = r.plan().maxPeriodEnd() == null ? "none"
                : r.plan().maxPeriodEnd().derivation().calendarVersion();
        OutboxEvent event = r.status() == PublicityStatus.NOT_PUBLISHED
                ? outbox.raise(EventTypes.PUBLICITY_NOT_PUBLISHED, r.uscc(), r.recordId(), 1, r.plan().ruleSetId(),
                calendar, PublicityEvents.notPublished(r))
                : outbox.raise(EventTypes.PUBLICITY_OPENED, r.uscc(), r.recordId(), 1, r.plan().ruleSetId(),
                calendar, PublicityEvents.opened(r));
        Document doc = new Document("_id", r.recordId())
                .append("uscc", r.uscc())
                .append("status", r.status().name())
                .append("record", Document.parse(json.writeValueAsString(r)));
        return outbox.insertWithEvents(records, doc, List.of(event));
    }

    public List<PublicityRecord> byEnterprise(String uscc) {
        List<PublicityRecord> out = new ArrayList<>();
        for (Document d : records.find(Filters.eq("uscc", uscc)).sort(Sorts.ascending("record.decisionDate"))) {
            out.add(json.readValue(d.get("record", Document.class).toJson(), PublicityRecord.class));
        }
        return out;
    }
}
