package cn.gov.eco.credit.repair.infrastructure;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * Repair materials in MongoDB GridFS (bucket {@code repair_materials}), each file with its application id, the
 * enterprise and the content type found in its bytes. Only files that passed every check reach this store.
 */
public class MaterialStore {

    public static final String BUCKET = "repair_materials";

    private final GridFSBucket bucket;

    public MaterialStore(MongoDatabase db) {
        this.bucket = GridFSBuckets.create(db, BUCKET);
    }

    public String store(String applicationId, String uscc, String filename, String contentType, String sha256,
                        byte[] content) {
        var options = new GridFSUploadOptions().metadata(new Document("applicationId", applicationId)
                .append("uscc", uscc).append("contentType", contentType).append("sha256", sha256));
        ObjectId id = bucket.uploadFromStream(filename, new ByteArrayInputStream(content), options);
        return id.toHexString();
    }

    /** Removes what a submission stored when the application itself could not be written. */
    public void deleteAll(Iterable<String> fileIds) {
        for (String id : fileIds) {
            bucket.delete(new ObjectId(id));
        }
    }

    /** The content of one file of the application, or empty when it is not one of its files. */
    public Optional<byte[]> read(String applicationId, String fileId) {
        if (!ObjectId.isValid(fileId)) {
            return Optional.empty();
        }
        var file = bucket.find(Filters.and(Filters.eq("_id", new ObjectId(fileId)),
                Filters.eq("metadata.applicationId", applicationId))).first();
        if (file == null) {
            return Optional.empty();
        }
        var out = new ByteArrayOutputStream();
        bucket.downloadToStream(file.getObjectId(), out);
        return Optional.of(out.toByteArray());
    }
}
