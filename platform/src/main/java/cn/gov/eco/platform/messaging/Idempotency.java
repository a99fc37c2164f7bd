package cn.gov.eco.platform.messaging;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/**
 * Idempotent side effects: a consumer derives the identity of what it creates from the event (the dual delivery's
 * id is the case id; the publicity record's id is the case id), and the unique {@code _id} index makes a second
 * insert from a redelivery or a replay a no-op.
 */
public final class Idempotency {

    private Idempotency() {
    }

    /** @return true if inserted, false if a document with the same unique key already existed */
    public static boolean insertOnce(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoWriteException w
                    && ErrorCategory.fromErrorCode(w.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
            if (t instanceof com.mongodb.MongoServerException s
                    && ErrorCategory.fromErrorCode(s.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
