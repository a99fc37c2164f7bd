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
import java.util.HashMap;
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
 * <p>An event the broker or the client refuses for a reason that will not pass by itself (too large, not authorised,
 * not serialisable) is retried {@code maxAttempts} times, then parked: status {@code PARKED} with the reason in its
 * outbox entry, {@code outboxParked} on the document, an alert in the log, and the relay goes on with the others.
 * Later events of the same aggregate wait behind it (order per key) until an operator replays it (issue 16, row 1).
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
    private volatile int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private volatile java.util.function.Consumer<Parked> onParked = OutboxRelay::alert;
    /** Refusals that will not pass by themselves before an event is parked. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OutboxRelay.class);
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

    /** Refusals (too large, not authorised, not serialisable) before an event is parked; at least 1. */
    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    /** What else happens when an event is parked (besides the alert in the log), e.g. a metric or a notification. */
    public void onParked(java.util.function.Consumer<Parked> listener) {
        this.onParked = p -> {
            alert(p);
            listener.accept(p);
        };
    }

    private static void alert(Parked p) {
        log.error("ALERT outbox event parked: {} {} of {} {} (subject {}) after {} refusals: {}. It is listed at "
                        + "GET /api/operations/stuck and can be replayed after the cause is fixed.",
                p.event().ceType(), p.event().eventId(), p.collection(), p.documentId(), p.event().subject(),
                p.event().attempts(), p.event().lastError());
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
        Map<Object, List<OutboxEvent>> deliverableByDoc = new LinkedHashMap<>();
        Map<String, CompletableFuture<SendResult<String, byte[]>>> sends = new LinkedHashMap<>();
        Map<String, String> refused = new HashMap<>(); // event id -> why the broker or the client will never take it
        for (Document doc : docs) {
            List<OutboxEvent> deliverable = deliverable(OutboxDocuments.events(doc));
            deliverableByDoc.put(doc.get("_id"), deliverable);
            for (OutboxEvent e : deliverable) {
                ProducerRecord<String, byte[]> record;
                try {
                    record = CloudEventRecords.toRecord(e, source);
                } catch (RuntimeException ex) { // the event cannot become a record: no retry will change that
                    refused.put(e.eventId(), reason(ex));
                    continue;
                }
                try {
                    sends.put(e.eventId(), kafka.send(record));
                } catch (RuntimeException ex) {
                    if (permanent(ex)) {
                        refused.put(e.eventId(), reason(ex));
                    } else {
                        throw ex;
                    }
                }
            }
        }
        kafka.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Set<String> acked = new HashSet<>();
        RuntimeException transientFailure = null;
        for (var send : sends.entrySet()) {
            try {
                send.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acked.add(send.getKey());
            } catch (java.util.concurrent.ExecutionException ex) {
                if (permanent(ex.getCause())) {
                    refused.put(send.getKey(), reason(ex.getCause()));
                } else if (transientFailure == null) {
                    transientFailure = new IllegalStateException("publication failed, retried at the next pass: "
                            + reason(ex.getCause()), ex.getCause());
                }
            } catch (java.util.concurrent.TimeoutException ex) {
                if (transientFailure == null) {
                    transientFailure = new IllegalStateException("no acknowledgement within 30 s", ex);
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker", ex);
            }
        }
        int count = 0;
        for (Document doc : docs) {
            Set<String> mine = new HashSet<>();
            deliverableByDoc.get(doc.get("_id")).forEach(e -> mine.add(e.eventId()));
            Set<String> ackedHere = new HashSet<>(mine);
            ackedHere.retainAll(acked);
            Map<String, String> refusedHere = new HashMap<>(refused);
            refusedHere.keySet().retainAll(mine);
            count += ackedHere.size();
            record(collection, doc, ackedHere, refusedHere);
        }
        if (transientFailure != null) {
            throw transientFailure; // the loop backs off and sweeps again; nothing is counted against the events
        }
        return count;
    }

    /**
     * The events to publish now, in sequence order: the pending ones up to the first parked one. Events behind a
     * parked event wait for it (order per key, ARCHITECTURE.md), and go out after it is replayed.
     */
    static List<OutboxEvent> deliverable(List<OutboxEvent> events) {
        List<OutboxEvent> out = new ArrayList<>();
        for (OutboxEvent e : events.stream().sorted(Comparator.comparingLong(OutboxEvent::sequence)).toList()) {
            if (e.parked()) {
                break;
            }
            if (e.pending()) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * A refusal that will not pass by itself: too large, not authorised, not serialisable, an invalid record. A
     * broker that is unreachable, a leader election or a timeout is transient ({@code RetriableException}) and is
     * retried without limit, as before: those are the broker faults the reliability bar's R7/R8 cover.
     */
    static boolean permanent(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.apache.kafka.common.errors.RetriableException
                    || c instanceof java.util.concurrent.TimeoutException
                    || c instanceof org.apache.kafka.common.errors.InterruptException) {
                return false;
            }
            if (c instanceof org.apache.kafka.common.errors.ApiException
                    || c instanceof org.apache.kafka.common.errors.SerializationException
                    || c instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    /**
     * Marks the acknowledged events sent and counts a refusal against each refused one (parking it after
     * {@code maxAttempts}), guarded by the aggregate's event sequence: if events were appended meanwhile, the
     * document is read again so the new ones stay pending and nothing is overwritten.
     */
    private void record(MongoCollection<Document> collection, Document doc, Set<String> acked,
                        Map<String, String> refused) {
        Document current = doc;
        for (int attempt = 0; attempt < 5 && current != null; attempt++) {
            List<OutboxEvent> events = OutboxDocuments.events(current);
            List<OutboxEvent> updated = new ArrayList<>();
            List<OutboxEvent> parkedNow = new ArrayList<>();
            for (OutboxEvent e : events) {
                if (e.pending() && acked.contains(e.eventId())) {
                    updated.add(e.markSent(clock.instant()));
                } else if (e.pending() && refused.containsKey(e.eventId())) {
                    boolean park = e.attempts() + 1 >= maxAttempts;
                    OutboxEvent failed = e.markFailed(refused.get(e.eventId()), park ? clock.instant() : null);
                    updated.add(failed);
                    if (park) {
                        parkedNow.add(failed);
                    }
                } else {
                    updated.add(e);
                }
            }
            boolean stillPending = !deliverable(updated).isEmpty();
            boolean parked = updated.stream().anyMatch(OutboxEvent::parked);
            List<OutboxEvent> kept = trimSent(updated);
            long seq = OutboxDocuments.lastSequence(current);
            var result = collection.updateOne(
                    Filters.and(Filters.eq("_id", current.get("_id")), Filters.eq(OutboxDocuments.SEQUENCE, seq)),
                    Updates.combine(
                            Updates.set(OutboxDocuments.OUTBOX, kept.stream().map(OutboxDocuments::toBson).toList()),
                            Updates.set(OutboxDocuments.PENDING, stillPending),
                            Updates.set(OutboxDocuments.PARKED, parked)));
            if (result.getMatchedCount() == 1) {
                String name = collection.getNamespace().getCollectionName();
                Object id = current.get("_id");
                parkedNow.forEach(e -> onParked.accept(new Parked(name, id, e)));
                return;
            }
            current = collection.find(Filters.eq("_id", doc.get("_id")))
                    .projection(Projections.include(OutboxDocuments.OUTBOX, OutboxDocuments.SEQUENCE)).first();
        }
    }

    /** An event the relay gave up on: where it waits, and the event with its reason. */
    public record Parked(String collection, Object documentId, OutboxEvent event) {
    }

    /**
     * Puts a parked event of document {@code documentId} back in line after a fix, and wakes the relay: it is
     * published with its original {@code ce_id}, so consumers that saw it already ignore it. Returns false when the
     * event is no longer parked (replayed already, or not there): replaying twice does nothing more.
     */
    public boolean unpark(String collection, Object documentId, String eventId) {
        MongoCollection<Document> c = database.getCollection(collection);
        for (int attempt = 0; attempt < 5; attempt++) {
            Document current = c.find(Filters.eq("_id", documentId))
                    .projection(Projections.include(OutboxDocuments.OUTBOX, OutboxDocuments.SEQUENCE)).first();
            if (current == null) {
                return false;
            }
            List<OutboxEvent> events = OutboxDocuments.events(current);
            if (events.stream().noneMatch(e -> e.eventId().equals(eventId) && e.parked())) {
                return false;
            }
            List<OutboxEvent> updated = events.stream()
                    .map(e -> e.eventId().equals(eventId) && e.parked() ? e.unpark() : e).toList();
            var result = c.updateOne(Filters.and(Filters.eq("_id", documentId),
                            Filters.eq(OutboxDocuments.SEQUENCE, OutboxDocuments.lastSequence(current))),
                    Updates.combine(
                            Updates.set(OutboxDocuments.OUTBOX, updated.stream().map(OutboxDocuments::toBson).toList()),
                            Updates.set(OutboxDocuments.PENDING, true),
                            Updates.set(OutboxDocuments.PARKED, updated.stream().anyMatch(OutboxEvent::parked))));
            if (result.getMatchedCount() == 1) {
                wakeUp(collection, documentId);
                return true;
            }
        }
        return false;
    }

    /** The parked events of every outbox collection, oldest document first, at most {@code limit}. */
    public List<Parked> parked(int limit) {
        List<Parked> out = new ArrayList<>();
        for (String name : collections) {
            for (Document d : database.getCollection(name).find(Filters.eq(OutboxDocuments.PARKED, true))
                    .projection(Projections.include(OutboxDocuments.OUTBOX)).limit(limit)) {
                OutboxDocuments.events(d).stream().filter(OutboxEvent::parked)
                        .forEach(e -> out.add(new Parked(name, d.get("_id"), e)));
            }
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    public List<String> collections() {
        return collections;
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
