package cn.gov.eco.platform.messaging;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;

/**
 * The fingerprint of every event this service applied, by {@code ce_id} ({@value #COLLECTION}): a redelivery of the
 * same event is harmless (consumers are idempotent), but the same {@code ce_id} with different content cannot be
 * true (a forged or corrupted record reusing a consumed id, issue 16, row 4). It is refused and dead-lettered with
 * the reason, instead of being dropped or applied.
 */
public class AppliedEvents {

    public static final String COLLECTION = "applied_events";

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public AppliedEvents(MongoDatabase database, Clock clock) {
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    /** @throws PoisonRecordException when {@code event}'s id was applied before with other content */
    public void requireSameContentAsBefore(InboundEvent event) {
        Document seen = collection.find(Filters.eq("_id", event.eventId())).first();
        if (seen != null && !fingerprint(event).equals(seen.getString("fingerprint"))) {
            throw new PoisonRecordException("ce_id " + event.eventId() + " was already applied with different content"
                    + " (subject " + seen.getString("subject") + ", now " + event.subject() + "): refused");
        }
    }

    /** Records that {@code event} was applied; a second listener of the same event finds it there already. */
    public void applied(InboundEvent event) {
        try {
            collection.insertOne(new Document("_id", event.eventId()).append("fingerprint", fingerprint(event))
                    .append("ceType", event.ceType()).append("subject", event.subject())
                    .append("topic", event.topic()).append("appliedAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    static String fingerprint(InboundEvent e) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{e.ceType(), e.subject(), e.key(), e.payloadJson()}) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
