package cn.gov.eco.platform.store;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Counting and existence checks as {@code find}s of {@code _id}s. Not {@code countDocuments}: the driver sends it as
 * an aggregation ({@code $match} then {@code $group}), which the embedded default's MongoDB wire server runs over
 * the whole collection held in memory at once — no index, and for notice-service's stored PDFs more memory than the
 * JVM has. A {@code find} goes through the wire server's indexes and streams; on a real MongoDB both are index
 * reads.
 */
public final class Counting {

    private static final Document ID_ONLY = new Document("_id", 1);

    private Counting() {
    }

    /** How many documents match. */
    public static long count(MongoCollection<Document> collection, Bson filter) {
        long n = 0;
        for (Document ignored : collection.find(filter).projection(ID_ONLY)) {
            n++;
        }
        return n;
    }

    /** Whether any document matches. */
    public static boolean exists(MongoCollection<Document> collection, Bson filter) {
        return collection.find(filter).projection(ID_ONLY).limit(1).first() != null;
    }
}
