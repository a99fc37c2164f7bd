package cn.gov.eco.notice.delivery.infrastructure;

import cn.gov.eco.notice.delivery.model.DocumentKind;
import cn.gov.eco.notice.delivery.model.ServedDocument;
import cn.gov.eco.platform.messaging.Idempotency;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.types.Binary;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The rendered PDFs, one document each in {@code documents} (a two-page decision is far below MongoDB's 16 MiB
 * document limit). Ids derive from the case and the kind; the first stored rendering wins and later attempts reuse
 * it, so a delivery's recorded SHA-256 always matches the bytes served.
 */
public class DocumentStore {

    public static final String COLLECTION = "documents";

    private final MongoCollection<Document> documents;
    private final Clock clock;

    public DocumentStore(MongoDatabase db, Clock clock) {
        this.documents = db.getCollection(COLLECTION);
        this.clock = clock;
    }

    public static String documentId(String caseId, DocumentKind kind) {
        return caseId + (kind == DocumentKind.PENALTY_DECISION ? "-decision" : "-notice");
    }

    public ServedDocument storeOnce(String caseId, DocumentKind kind, String documentNumber, byte[] pdf) {
        String id = documentId(caseId, kind);
        Document doc = new Document("_id", id).append("caseId", caseId).append("kind", kind.name())
                .append("documentNumber", documentNumber).append("contentType", "application/pdf")
                .append("size", pdf.length).append("sha256", sha256(pdf)).append("content", new Binary(pdf))
                .append("storedAt", Date.from(clock.instant()));
        Idempotency.insertOnce(documents, doc);
        return find(caseId, kind).orElseThrow();
    }

    public Optional<ServedDocument> find(String caseId, DocumentKind kind) {
        Document d = documents.find(Filters.eq("_id", documentId(caseId, kind)))
                .projection(Projections.exclude("content")).first();
        return Optional.ofNullable(d).map(x -> new ServedDocument(DocumentKind.valueOf(x.getString("kind")),
                x.getString("_id"), x.getString("documentNumber"), x.getString("sha256")));
    }

    public Optional<byte[]> content(String documentId) {
        Document d = documents.find(Filters.eq("_id", documentId)).first();
        return Optional.ofNullable(d).map(x -> x.get("content", Binary.class).getData());
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
