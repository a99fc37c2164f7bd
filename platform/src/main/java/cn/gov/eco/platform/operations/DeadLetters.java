package cn.gov.eco.platform.operations;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.bson.types.Binary;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The records this service's consumers dead-lettered, kept in the service's own database ({@value #COLLECTION}) as
 * work for a person: the original record whole (so it can be replayed after a fix), where it came from, which
 * listener gave up and why. Written before the record goes to {@code <topic>.dlt}; its id is the record's
 * coordinates, so a repeated dead-lettering of the same record is one entry.
 */
public class DeadLetters {

    public static final String COLLECTION = "dead_letters";
    public static final String OPEN = "OPEN";
    public static final String REPLAYED = "REPLAYED";

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public DeadLetters(MongoDatabase database, Clock clock) {
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    public static String id(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }

    /**
     * Records a record a listener gave up on. A second call for the same record (a redelivery, a replay of the topic
     * from the earliest offset) changes nothing: replaying a topic is harmless (RELIABILITY.md R3).
     */
    public void record(ConsumerRecord<?, ?> record, String listener, Throwable cause) {
        List<Document> headers = new ArrayList<>();
        for (Header h : record.headers()) {
            headers.add(new Document("name", h.key()).append("value", h.value() == null ? null : new Binary(h.value())));
        }
        Object value = record.value();
        byte[] bytes = value instanceof byte[] b ? b : value == null ? null
                : value.toString().getBytes(StandardCharsets.UTF_8);
        String id = id(record.topic(), record.partition(), record.offset());
        collection.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.setOnInsert("topic", record.topic()),
                Updates.setOnInsert("partition", record.partition()),
                Updates.setOnInsert("offset", record.offset()),
                Updates.setOnInsert("key", record.key() == null ? null : record.key().toString()),
                Updates.setOnInsert("headers", headers),
                Updates.setOnInsert("value", bytes == null ? null : new Binary(bytes)),
                Updates.setOnInsert("ceId", header(record, "ce_id")),
                Updates.setOnInsert("ceType", header(record, "ce_type")),
                Updates.setOnInsert("subject", header(record, "ce_subject")),
                Updates.setOnInsert("status", OPEN),
                Updates.setOnInsert("listener", listener),
                Updates.setOnInsert("reasonClass", root(cause).getClass().getName()),
                Updates.setOnInsert("reason", message(cause)),
                Updates.setOnInsert("deadLetteredAt", Date.from(clock.instant()))),
                new UpdateOptions().upsert(true));
    }

    public List<Document> open(int limit) {
        return collection.find(Filters.eq("status", OPEN)).sort(Sorts.ascending("deadLetteredAt")).limit(limit)
                .into(new ArrayList<>());
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first());
    }

    /** The stored record as the listener first saw it. */
    public static ConsumerRecord<String, byte[]> toRecord(Document d) {
        RecordHeaders headers = new RecordHeaders();
        for (Document h : d.getList("headers", Document.class, List.of())) {
            Binary v = h.get("value", Binary.class);
            headers.add(new RecordHeader(h.getString("name"), v == null ? null : v.getData()));
        }
        Binary value = d.get("value", Binary.class);
        return new ConsumerRecord<>(d.getString("topic"), d.getInteger("partition"), d.getLong("offset"),
                ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE, -1, -1, d.getString("key"),
                value == null ? null : value.getData(), headers, Optional.empty());
    }

    /** A replay attempt, kept with the entry whatever its outcome; a successful one closes the entry. */
    public void replayed(String id, String by, boolean succeeded, String outcome) {
        Document attempt = new Document("at", Date.from(clock.instant())).append("by", by)
                .append("succeeded", succeeded).append("outcome", outcome);
        collection.updateOne(Filters.eq("_id", id), succeeded
                ? Updates.combine(Updates.push("replays", attempt), Updates.set("status", REPLAYED))
                : Updates.push("replays", attempt));
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static Throwable root(Throwable t) {
        Throwable r = t;
        // the listener's own exception, not Spring's wrapping of it
        while (r.getCause() != null && r.getCause() != r
                && r.getClass().getName().startsWith("org.springframework.")) {
            r = r.getCause();
        }
        return r;
    }

    static String message(Throwable t) {
        Throwable r = root(t);
        String m = r.getClass().getSimpleName() + ": " + r.getMessage();
        return m.length() > 1000 ? m.substring(0, 1000) : m;
    }
}
