package cn.gov.eco.enforcement.casefile.infrastructure;

import cn.gov.eco.enforcement.casefile.application.DocumentNumbers;
import cn.gov.eco.platform.identity.DocumentKind;
import cn.gov.eco.platform.identity.DocumentNumber;
import cn.gov.eco.platform.messaging.Idempotency;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;

/**
 * 文号 counters: one document per (organ, kind, year) series, advanced with an atomic {@code findOneAndUpdate $inc}
 * (upsert), so two officers never get the same number and a number is never handed out twice.
 */
public class MongoDocumentNumbers implements DocumentNumbers {

    public static final String COLLECTION = "document_counters";

    private final MongoCollection<Document> counters;
    private final String organ;

    /** @param organ the issuing organ's code in numbers, e.g. 泉环 (configuration) */
    public MongoDocumentNumbers(MongoDatabase db, String organ) {
        this.counters = db.getCollection(COLLECTION);
        this.organ = organ;
        // Created up front: the embedded MongoDB wire server creates a collection on first use without a lock, so
        // the first concurrent allocations of a fresh database could each get their own copy of it.
        if (!db.listCollectionNames().into(new java.util.ArrayList<>()).contains(COLLECTION)) {
            try {
                db.createCollection(COLLECTION);
            } catch (com.mongodb.MongoCommandException alreadyThere) {
                // another instance created it in between: fine
            }
        }
    }

    @Override
    public String next(Series series, int year) {
        // 不予处罚决定书 has its own series 〔organ〕不罚: the organ code plus 不, with the kind 罚 [I].
        String org = series == Series.NO_PENALTY ? organ + "不" : organ;
        DocumentKind kind = switch (series) {
            case FILING -> DocumentKind.FILING;
            case PRE_NOTICE -> DocumentKind.PRE_PENALTY_NOTICE;
            case HEARING_NOTICE -> DocumentKind.HEARING;
            case DECISION, NO_PENALTY -> DocumentKind.PENALTY;
        };
        String key = DocumentNumber.of(org, kind, year, 1).seriesKey();
        return DocumentNumber.of(org, kind, year, increment(key)).format();
    }

    private int increment(String key) {
        // The projection matters on the embedded MongoDB wire server: without one it answers with its stored document
        // itself, serialised after its lock is released, so a concurrent $inc can change the number we read; with a
        // projection the answer is copied under the lock. Real MongoDB is atomic either way.
        var options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)
                .projection(Projections.include("next"));
        for (int attempt = 0; ; attempt++) {
            try {
                Document d = counters.findOneAndUpdate(eq("_id", key), inc("next", 1), options);
                return ((Number) d.get("next")).intValue();
            } catch (RuntimeException e) {
                // two first allocations of a new series race on the upsert: the loser retries and increments
                if (attempt > 2 || !Idempotency.isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
    }
}
