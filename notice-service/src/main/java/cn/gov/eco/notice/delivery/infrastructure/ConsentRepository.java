package cn.gov.eco.notice.delivery.infrastructure;

import cn.gov.eco.notice.delivery.model.EServiceConsent;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * The {@code eservice_consents} collection: one document per enterprise (id = USCC) with its current consent and
 * every consent it ever gave (for the file: a service relied on the consent valid at the time). Changes are guarded
 * by a version, one single-document write each.
 */
public class ConsentRepository {

    public static final String COLLECTION = "eservice_consents";

    private final MongoCollection<Document> consents;
    private final JsonMapper json;

    public ConsentRepository(MongoDatabase db, JsonMapper json) {
        this.consents = db.getCollection(COLLECTION);
        this.json = json;
    }

    public Optional<EServiceConsent> current(String uscc) {
        return Optional.ofNullable(consents.find(eq("_id", uscc)).first())
                .map(d -> d.get("current", Document.class)).map(this::consent);
    }

    public List<EServiceConsent> history(String uscc) {
        Document d = consents.find(eq("_id", uscc)).first();
        List<EServiceConsent> out = new ArrayList<>();
        if (d != null) {
            for (Document h : d.getList("history", Document.class, List.of())) {
                out.add(consent(h));
            }
        }
        return out;
    }

    /** Makes {@code consent} the enterprise's current one (a previous one stays in the history). */
    public void record(EServiceConsent consent) {
        Document c = bson(consent);
        consents.updateOne(eq("_id", consent.uscc()), Updates.combine(Updates.set("current", c),
                Updates.push("history", c), Updates.inc("version", 1L)),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    /** Replaces the current consent by its revoked form, if it is still the one named; false otherwise. */
    public boolean revoke(EServiceConsent revoked) {
        Document c = bson(revoked);
        return consents.updateOne(and(eq("_id", revoked.uscc()), eq("current.consentId", revoked.consentId()),
                        eq("current.revokedAt", null)),
                Updates.combine(Updates.set("current", c), Updates.push("history", c), Updates.inc("version", 1L)))
                .getModifiedCount() == 1;
    }

    private Document bson(EServiceConsent c) {
        return Document.parse(json.writeValueAsString(c));
    }

    private EServiceConsent consent(Document d) {
        return json.readValue(d.toJson(), EServiceConsent.class);
    }
}
