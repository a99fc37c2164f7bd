package cn.gov.eco.notice.delivery.infrastructure;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * Scans and photos of paper service (signed 送达回证, postal 回执, photos of leaving the documents, the signed
 * 送达地址确认书), kept in MongoDB GridFS bucket {@code evidence} with the enterprise they concern and who uploaded
 * them. Content checks happen before anything reaches here.
 */
public class EvidenceStore {

    public static final String BUCKET = "evidence";

    private final GridFSBucket bucket;

    public EvidenceStore(MongoDatabase db) {
        this.bucket = GridFSBuckets.create(db, BUCKET);
    }

    public record Evidence(String evidenceId, String fileName, String contentType, long size, String sha256,
                           String uscc, String uploadedBy, Instant uploadedAt) {
    }

    public Evidence store(byte[] content, String fileName, String contentType, String sha256, String uscc,
                          String uploadedBy, Instant at) {
        Document meta = new Document("contentType", contentType).append("sha256", sha256).append("uscc", uscc)
                .append("uploadedBy", uploadedBy).append("uploadedAt", Date.from(at));
        ObjectId id = bucket.uploadFromStream(fileName, new ByteArrayInputStream(content),
                new GridFSUploadOptions().chunkSizeBytes(255 * 1024).metadata(meta));
        return new Evidence(id.toHexString(), fileName, contentType, content.length, sha256, uscc, uploadedBy, at);
    }

    public Optional<Evidence> find(String evidenceId) {
        if (evidenceId == null || !ObjectId.isValid(evidenceId)) {
            return Optional.empty();
        }
        GridFSFile f = bucket.find(eq("_id", new ObjectId(evidenceId))).first();
        if (f == null) {
            return Optional.empty();
        }
        Document m = f.getMetadata() == null ? new Document() : f.getMetadata();
        Date at = m.getDate("uploadedAt");
        return Optional.of(new Evidence(evidenceId, f.getFilename(), m.getString("contentType"), f.getLength(),
                m.getString("sha256"), m.getString("uscc"), m.getString("uploadedBy"),
                at == null ? null : at.toInstant()));
    }

    public Optional<byte[]> content(String evidenceId) {
        if (find(evidenceId).isEmpty()) {
            return Optional.empty();
        }
        var out = new ByteArrayOutputStream();
        bucket.downloadToStream(new ObjectId(evidenceId), out);
        return Optional.of(out.toByteArray());
    }
}
