package cn.gov.eco.chaos;

import cn.gov.eco.platform.messaging.OutboxDocuments;
import cn.gov.eco.platform.store.Counting;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

/**
 * What the three services stored, read through the plain driver: per collection a content hash (SHA-256 over every
 * document's JSON in {@code _id} order) and, per document, its case id, its kind and the ids of the events in its
 * outbox. Written against the stored shape the platform guarantees ({@code _id}, {@code outbox[].eventId}) and a
 * {@code caseId} found anywhere in the document, so that the services' own fields may change.
 */
final class StoreSnapshot {

    /** One stored document, without its content. */
    record Stored(String database, String collection, String id, String caseId, String kind, List<String> outboxIds,
                  boolean outboxPending) {
    }

    final Map<String, String> hashes = new TreeMap<>();
    final List<Stored> documents = new ArrayList<>();

    static StoreSnapshot take(MongoClient client, List<String> databases) {
        StoreSnapshot s = new StoreSnapshot();
        for (String dbName : databases) {
            MongoDatabase db = client.getDatabase(dbName);
            List<String> collections = db.listCollectionNames().into(new ArrayList<>());
            collections.sort(null);
            for (String c : collections) {
                if (c.startsWith("system.")) {
                    continue;
                }
                MessageDigest sha = sha256();
                // small batches: one reply of the wire server must stay under the driver's 48 MB (stored PDFs)
                for (Document d : db.getCollection(c).find().sort(Sorts.ascending("_id")).batchSize(8)) {
                    sha.update(d.toJson().getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                    String id = String.valueOf(d.get("_id"));
                    String caseId = c.equals("cases") ? id : findString(d, "caseId");
                    String kind = d.getString("kind");
                    List<String> outbox = new ArrayList<>();
                    for (Object o : d.getList("outbox", Object.class, List.of())) {
                        if (o instanceof Document e && e.getString("eventId") != null) {
                            outbox.add(e.getString("eventId"));
                        }
                    }
                    s.documents.add(new Stored(dbName, c, id, caseId == null ? id : caseId, kind, outbox,
                            Boolean.TRUE.equals(d.getBoolean("outboxPending"))));
                }
                s.hashes.put(dbName + "." + c, HexFormat.of().formatHex(sha.digest()));
            }
        }
        return s;
    }

    /** Documents whose outbox still holds events the relay has not published. */
    static long pendingOutboxes(MongoClient client, List<String> databases) {
        long n = 0;
        for (String dbName : databases) {
            MongoDatabase db = client.getDatabase(dbName);
            for (String c : db.listCollectionNames()) {
                // only the relay's collections (they carry its index): not the stored PDFs
                boolean outbox = db.getCollection(c).listIndexes().into(new java.util.ArrayList<>()).stream()
                        .anyMatch(i -> OutboxDocuments.PENDING_INDEX.equals(i.getString("name")));
                if (outbox) {
                    n += Counting.count(db.getCollection(c), Filters.eq(OutboxDocuments.PENDING, true));
                }
            }
        }
        return n;
    }

    /** Per case id, the documents of {@code database.collection}. */
    Map<String, List<Stored>> byCase(String database, String collection) {
        Map<String, List<Stored>> out = new LinkedHashMap<>();
        for (Stored d : documents) {
            if (d.database().equals(database) && d.collection().equals(collection)) {
                out.computeIfAbsent(d.caseId(), k -> new ArrayList<>()).add(d);
            }
        }
        return out;
    }

    /** The first string value of {@code field} anywhere in {@code doc}, depth first. */
    static String findString(Object node, String field) {
        if (node instanceof Document d) {
            Object v = d.get(field);
            if (v instanceof String s) {
                return s;
            }
            for (Object child : d.values()) {
                String found = findString(child, field);
                if (found != null) {
                    return found;
                }
            }
        } else if (node instanceof List<?> l) {
            for (Object child : l) {
                String found = findString(child, field);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
