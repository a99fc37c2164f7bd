package cn.gov.eco.platform.messaging;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.producer.ProducerRecord;
import cn.gov.eco.platform.work.WakeableLoop;
import org.bson.Document;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events waiting in aggregate outboxes, then marks them sent. It runs on its own thread. A write that
 * raised events names its document ({@link #wakeUp(String, Object)}): the relay reads that document by {@code _id}
 * and publishes at once. Every {@code pollInterval}, and at start, it also sweeps each outbox collection for
 * {@code outboxPending} documents, so events left pending by a crash (between the state write and the publish, or
 * between the publish and the mark) or written without naming their document are published too. The sweep is the
 * expensive part where the {@code outboxPending} index is not used (the MongoDB wire server of the embedded default
 * ignores non-unique indexes and reads every document), so the named path keeps it off the hot path.
 * Delivery is at least once: an event may be published twice, always with the same {@code ce_id}, and consumers
 * are idempotent. Events of one aggregate are sent in sequence order, and each batch waits for the broker's
 * acknowledgement (acks=all, idempotent producer) before it is marked.
 */
public class OutboxRelay implements SmartLifecycle {

    private final MongoDatabase database;
    private final List<String> collections;
    private final KafkaTemplate<String, byte[]> kafka;
    private final URI source;
    private final Clock clock;
    private final int batchSize;
    private final int retainSent;
    private final Duration pollInterval;
    private final WakeableLoop loop;
    /** Documents written with events since the last pass: collection name and {@code _id}. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Map.Entry<String, Object>> written =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** A sweep of every outbox collection is due at once (at start, after a failed pass, on an unnamed wake-up). */
    private volatile boolean sweepNow = true;
    private volatile long nextSweep = System.nanoTime();

    public OutboxRelay(MongoDatabase database, List<String> collections, KafkaTemplate<String, byte[]> kafka, URI source,
                       Clock clock, Duration pollInterval, int batchSize, int retainSent) {
        this.database = database;
        this.collections = List.copyOf(collections);
        this.kafka = kafka;
        this.source = source;
        this.clock = clock;
        this.batchSize = batchSize;
        this.retainSent = retainSent;
        this.pollInterval = pollInterval;
        this.loop = new WakeableLoop("outbox-relay", pollInterval, this::pass);
    }

    /** Called after a write that raised events, so they go out now rather than at the next poll: sweeps now. */
    public void wakeUp() {
        sweepNow = true;
        loop.wakeUp();
    }

    /** Called after a write that raised events in document {@code id} of {@code collection}: publishes it now. */
    public void wakeUp(String collection, Object id) {
        written.add(Map.entry(collection, id));
        loop.wakeUp();
    }

    /** One pass of the loop: the named documents, then a sweep when one is due; returns the events published. */
    private int pass() {
        boolean done = false;
        try {
            int published = relayWritten();
            if (sweepNow || System.nanoTime() - nextSweep >= 0) {
                sweepNow = false;
                published += relayOnce();
                nextSweep = System.nanoTime() + pollInterval.toNanos();
            }
            done = true;
            return published;
        } finally {
            if (!done) {
                sweepNow = true; // what was named may have been lost with the failed pass: the sweep finds it
            }
        }
    }

    @Override
    public void start() {
        for (String c : collections) {
            database.getCollection(c).createIndex(Indexes.ascending(OutboxDocuments.PENDING),
                    new IndexOptions().name(OutboxDocuments.PENDING_INDEX));
        }
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** Stop after the listeners and web server have stopped raising events, start before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }

    /**
     * Publishes the pending events of the documents named since the last pass, read by {@code _id}; returns the
     * number of events published. Public for tests.
     */
    public int relayWritten() {
        Map<String, java.util.Set<Object>> ids = new LinkedHashMap<>(); // a document named twice is read once
        for (Map.Entry<String, Object> e; (e = written.poll()) != null; ) {
            ids.computeIfAbsent(e.getKey(), k -> new java.util.LinkedHashSet<>()).add(e.getValue());
        }
        int total = 0;
        for (var e : ids.entrySet()) {
            MongoCollection<Document> collection = database.getCollection(e.getKey());
            List<Document> docs = new ArrayList<>();
            for (Object id : e.getValue()) {
                Document d = collection.find(Filters.eq("_id", id))
                        .projection(Projections.include(OutboxDocuments.OUTBOX, OutboxDocuments.SEQUENCE,
                                OutboxDocuments.PENDING)).first();
                if (d != null && Boolean.TRUE.equals(d.getBoolean(OutboxDocuments.PENDING))) {
                    docs.add(d);
                }
            }
            if (!docs.isEmpty()) {
                total += publish(collection, docs);
            }
        }
        return total;
    }

    /** One pass over every outbox collection; returns the number of events published. Public for tests. */
    public int relayOnce() {
        int total = 0;
        for (String name : collections) {
            MongoCollection<Document> collection = database.getCollection(name);
            List<Document> docs = collection.find(Filters.eq(OutboxDocuments.PENDING, true))
                    .projection(Projections.include(OutboxDocuments.OUTBOX, OutboxDocuments.SEQUENCE))
                    .limit(batchSize).into(new ArrayList<>());
            if (!docs.isEmpty()) {
                total += publish(collection, docs);
            }
        }
        return total;
    }

    private int publish(MongoCollection<Document> collection, List<Document> docs) {
        Map<Object, List<OutboxEvent>> pendingByDoc = new LinkedHashMap<>();
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
        for (Document doc : docs) {
            List<OutboxEvent> pending = OutboxDocuments.events(doc).stream().filter(OutboxEvent::pending)
                    .sorted(Comparator.comparingLong(OutboxEvent::sequence)).toList();
            pendingByDoc.put(doc.get("_id"), pending);
            for (OutboxEvent e : pending) {
                ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord(e, source);
                sends.add(kafka.send(record));
            }
        }
        kafka.flush();
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
        int count = 0;
        for (Document doc : docs) {
            Set<String> acked = new HashSet<>();
            pendingByDoc.get(doc.get("_id")).forEach(e -> acked.add(e.eventId()));
            count += acked.size();
            markSent(collection, doc, acked);
        }
        return count;
    }

    /**
     * Marks the acknowledged events sent, guarded by the aggregate's event sequence: if events were appended
     * meanwhile, the document is read again so the new ones stay pending and nothing is overwritten.
     */
    private void markSent(MongoCollection<Document> collection, Document doc, Set<String> acked) {
        Document current = doc;
        for (int attempt = 0; attempt < 5 && current != null; attempt++) {
            List<OutboxEvent> events = OutboxDocuments.events(current);
            List<OutboxEvent> updated = new ArrayList<>();
            for (OutboxEvent e : events) {
                updated.add(e.pending() && acked.contains(e.eventId()) ? e.markSent(clock.instant()) : e);
            }
            boolean stillPending = updated.stream().anyMatch(OutboxEvent::pending);
            List<OutboxEvent> kept = trimSent(updated);
            long seq = OutboxDocuments.lastSequence(current);
            var result = collection.updateOne(
                    Filters.and(Filters.eq("_id", current.get("_id")), Filters.eq(OutboxDocuments.SEQUENCE, seq)),
                    Updates.combine(
                            Updates.set(OutboxDocuments.OUTBOX, kept.stream().map(OutboxDocuments::toBson).toList()),
                            Updates.set(OutboxDocuments.PENDING, stillPending)));
            if (result.getMatchedCount() == 1) {
                return;
            }
            current = collection.find(Filters.eq("_id", doc.get("_id")))
                    .projection(Projections.include(OutboxDocuments.OUTBOX, OutboxDocuments.SEQUENCE)).first();
        }
    }

    /** Keeps every pending event and the last {@code retainSent} sent ones, for inspection. */
    private List<OutboxEvent> trimSent(List<OutboxEvent> events) {
        long sent = events.stream().filter(e -> !e.pending()).count();
        long drop = Math.max(0, sent - retainSent);
        List<OutboxEvent> kept = new ArrayList<>();
        for (OutboxEvent e : events) {
            if (!e.pending() && drop > 0) {
                drop--;
                continue;
            }
            kept.add(e);
        }
        return kept;
    }
}
