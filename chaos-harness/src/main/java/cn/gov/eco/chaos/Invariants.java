package cn.gov.eco.chaos;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.gov.eco.chaos.StoreSnapshot.Stored;
import cn.gov.eco.chaos.TopicLog.Seen;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;

/**
 * The properties of RELIABILITY.md as comparisons of sets of ids. Each check returns its violations (empty = pass)
 * and adds its figures to {@code figures}; at most {@link #SHOWN} examples of each violation are named.
 */
final class Invariants {

    static final int SHOWN = 5;

    final Map<String, Object> figures = new LinkedHashMap<>();

    /**
     * R1 (outbox atomicity), for every service: each event stored in an outbox was published (its {@code ce_id} is
     * on the topic), and each published event was stored — no event for a change that was not stored. Publication
     * is at least once: an id seen more than once on its topic is counted, not failed (consumers are idempotent,
     * which R2 checks).
     */
    List<String> outboxAtomicity(StoreSnapshot store, List<Seen> topics) {
        List<String> v = new ArrayList<>();
        Map<String, Integer> published = new HashMap<>();
        Map<String, String> publishedSource = new HashMap<>();
        for (Seen s : topics) {
            if (s.ceId() != null) {
                published.merge(s.ceId(), 1, Integer::sum);
                publishedSource.put(s.ceId(), s.ceSource());
            }
        }
        Set<String> stored = new HashSet<>();
        List<String> unpublished = new ArrayList<>();
        for (Stored d : store.documents) {
            for (String id : d.outboxIds()) {
                stored.add(id);
                if (!published.containsKey(id)) {
                    unpublished.add(d.database() + "." + d.collection() + "/" + d.id() + " event " + id);
                }
            }
        }
        List<String> unstored = published.keySet().stream().filter(id -> !stored.contains(id))
                .map(id -> id + " from " + publishedSource.get(id)).sorted().toList();
        long duplicates = published.values().stream().filter(n -> n > 1).count();
        figures.put("storedEvents", stored.size());
        figures.put("publishedDistinctEvents", published.size());
        figures.put("publishedRecords", topics.stream().filter(s -> s.ceId() != null).count());
        figures.put("eventsPublishedMoreThanOnce", duplicates);
        if (!unpublished.isEmpty()) {
            v.add("R1: " + unpublished.size() + " stored event(s) never published, e.g. " + first(unpublished));
        }
        if (!unstored.isEmpty()) {
            v.add("R1: " + unstored.size() + " published event(s) not in any stored outbox, e.g. " + first(unstored));
        }
        return v;
    }

    /**
     * R2 (no loss, no duplicate side effect) and R6 (two documents, one act): every stored case has exactly one dual
     * delivery (one stored delivery, one distinct {@code DualDeliveryCompleted}), exactly two stored documents of two
     * kinds, exactly one publicity record and one distinct {@code PublicityOpened}/{@code PublicityNotPublished};
     * nothing exists for a case that was not stored; every acknowledged decision was stored.
     */
    List<String> noLossNoDuplicate(StoreSnapshot store, List<Seen> topics, Map<String, String> acknowledged,
                                   Set<String> takenAfterRetry) {
        List<String> v = new ArrayList<>();
        Set<String> cases = new LinkedHashSet<>(store.byCase("case-service", "cases").keySet());
        Map<String, List<Stored>> deliveries = store.byCase("notice-service", "deliveries");
        Map<String, List<Stored>> documents = store.byCase("notice-service", "documents");
        Map<String, List<Stored>> publicity = store.byCase("credit-service", "publicity_records");
        Map<String, Set<String>> completed = distinctEvents(topics, EventTypes.DUAL_DELIVERY_COMPLETED.ceType(), true);
        Map<String, Set<String>> opened = distinctEvents(topics, EventTypes.PUBLICITY_OPENED.ceType(), false);
        distinctEvents(topics, EventTypes.PUBLICITY_NOT_PUBLISHED.ceType(), false)
                .forEach((c, ids) -> opened.computeIfAbsent(c, k -> new HashSet<>()).addAll(ids));
        figures.put("storedCases", cases.size());
        figures.put("acknowledgedDecisions", acknowledged.size());
        figures.put("storedAfterLostAnswer", takenAfterRetry.size());

        List<String> lostAcks = acknowledged.values().stream().filter(id -> !cases.contains(id)).toList();
        if (!lostAcks.isEmpty()) {
            v.add("R2: " + lostAcks.size() + " decision(s) answered 201 but not stored, e.g. " + first(lostAcks));
        }
        expectCount(v, "R2", "stored dual deliveries", cases, deliveries, 1);
        expectCount(v, "R2", "distinct DualDeliveryCompleted events", cases, completed, 1);
        expectCount(v, "R2", "stored publicity records", cases, publicity, 1);
        expectCount(v, "R2", "distinct PublicityOpened/NotPublished events", cases, opened, 1);
        // R6: both documents or neither, never one of the two recorded or announced alone
        List<String> halfDelivered = new ArrayList<>();
        for (String c : cases) {
            List<Stored> docs = documents.getOrDefault(c, List.of());
            Set<String> kinds = new HashSet<>();
            docs.forEach(d -> kinds.add(d.kind()));
            boolean announced = completed.containsKey(c) || deliveries.containsKey(c);
            if (docs.size() != 2 || kinds.size() != 2) {
                if (announced || !docs.isEmpty()) {
                    halfDelivered.add(c + " (" + docs.size() + " document(s) " + kinds + ", delivery "
                            + (announced ? "announced" : "not announced") + ")");
                }
            }
        }
        if (!halfDelivered.isEmpty()) {
            v.add("R6: " + halfDelivered.size() + " case(s) whose delivery holds other than both documents, e.g. "
                    + first(halfDelivered));
        }
        for (var e : Map.of("dual deliveries", deliveries.keySet(), "documents", documents.keySet(),
                "DualDeliveryCompleted", completed.keySet(), "publicity records", publicity.keySet(),
                "PublicityOpened", opened.keySet()).entrySet()) {
            List<String> orphans = e.getValue().stream().filter(c -> !cases.contains(c)).toList();
            if (!orphans.isEmpty()) {
                v.add("R2: " + orphans.size() + " " + e.getKey() + " for cases that were never stored, e.g. "
                        + first(orphans));
            }
        }
        figures.put("casesFullyProcessed", cases.stream().filter(c -> opened.containsKey(c)).count());
        return v;
    }

    /**
     * R4 (order per key): on every topic, all records of one key are in one partition, and per aggregate (the
     * {@code ce_subject}) the first appearances of its events come in strictly increasing {@code ce_sequence}. A
     * record re-published after a crash repeats an id already seen and is skipped by consumers; it is counted.
     */
    List<String> orderPerKey(List<Seen> topics) {
        List<String> v = new ArrayList<>();
        Map<String, Integer> partitionOfKey = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        Set<String> seenIds = new HashSet<>();
        List<Seen> sorted = new ArrayList<>(topics);
        sorted.sort((a, b) -> a.topic().equals(b.topic()) ? a.partition() != b.partition()
                ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset())
                : a.topic().compareTo(b.topic()));
        List<String> split = new ArrayList<>();
        List<String> backwards = new ArrayList<>();
        long checked = 0;
        long repeats = 0;
        for (Seen s : sorted) {
            if (s.key() == null || s.ceId() == null) {
                continue;
            }
            String tk = s.topic() + "/" + s.key();
            Integer p = partitionOfKey.putIfAbsent(tk, s.partition());
            if (p != null && p != s.partition()) {
                split.add(tk + " in partitions " + p + " and " + s.partition());
            }
            if (!seenIds.add(s.ceId())) {
                repeats++;
                continue;
            }
            checked++;
            String aggregate = tk + "/" + s.ceSource() + "/" + s.ceSubject();
            Long last = lastSequence.put(aggregate, s.ceSequence());
            if (last != null && s.ceSequence() <= last) {
                backwards.add(aggregate + ": " + s.ceSequence() + " after " + last + " at " + s.partition() + "@"
                        + s.offset());
            }
        }
        figures.put("orderedEventsChecked", checked);
        figures.put("keys", partitionOfKey.size());
        figures.put("republishedRecordsSkipped", repeats);
        if (!split.isEmpty()) {
            v.add("R4: " + split.size() + " key(s) in more than one partition, e.g. " + first(split));
        }
        if (!backwards.isEmpty()) {
            v.add("R4: " + backwards.size() + " event(s) out of sequence, e.g. " + first(backwards));
        }
        return v;
    }

    /** R3 (replay is harmless): every collection's content hash is the same after the replay as before. */
    List<String> replayHarmless(StoreSnapshot before, StoreSnapshot after, List<Seen> topicsBefore,
                                List<Seen> topicsAfter) {
        List<String> v = new ArrayList<>();
        Map<String, String> changed = new TreeMap<>();
        for (var e : before.hashes.entrySet()) {
            String a = after.hashes.get(e.getKey());
            if (!e.getValue().equals(a)) {
                changed.put(e.getKey(), e.getValue().substring(0, 12) + " → " + (a == null ? "gone" : a.substring(0, 12)));
            }
        }
        after.hashes.keySet().stream().filter(k -> !before.hashes.containsKey(k)).forEach(k -> changed.put(k, "new"));
        figures.put("collectionsHashed", before.hashes.size());
        figures.put("collectionHashes", before.hashes);
        if (!changed.isEmpty()) {
            v.add("R3: content changed by the replay in " + changed);
        }
        Set<String> idsBefore = new HashSet<>();
        topicsBefore.forEach(s -> idsBefore.add(s.ceId()));
        List<String> newEvents = topicsAfter.stream().map(Seen::ceId).filter(id -> id != null && !idsBefore.contains(id))
                .distinct().toList();
        figures.put("newEventsAfterReplay", newEvents.size());
        if (!newEvents.isEmpty()) {
            v.add("R3: the replay raised " + newEvents.size() + " new event(s), e.g. " + first(newEvents));
        }
        return v;
    }

    /** Per case id, the distinct ce_ids of one type (the case id is the key, or the payload's caseId). */
    private static Map<String, Set<String>> distinctEvents(List<Seen> topics, String ceType, boolean keyIsCase) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Seen s : topics) {
            if (ceType.equals(s.ceType())) {
                String c = keyIsCase ? s.key() : s.payloadCaseId();
                if (c != null) {
                    out.computeIfAbsent(c, k -> new HashSet<>()).add(s.ceId());
                }
            }
        }
        return out;
    }

    private static void expectCount(List<String> v, String rule, String what, Set<String> cases,
                                    Map<String, ? extends java.util.Collection<?>> byCase, int expected) {
        List<String> wrong = new ArrayList<>();
        for (String c : cases) {
            var found = byCase.get(c);
            int n = found == null ? 0 : found.size();
            if (n != expected) {
                wrong.add(c + " has " + n);
            }
        }
        if (!wrong.isEmpty()) {
            v.add(rule + ": " + wrong.size() + " case(s) without exactly " + expected + " " + what + ", e.g. "
                    + first(wrong));
        }
    }

    static String first(List<String> items) {
        return String.join("; ", items.subList(0, Math.min(SHOWN, items.size())));
    }

    /** Every topic of the catalogue: R1 compares every stored outbox event with what reached any topic. */
    static final List<String> PIPELINE_TOPICS = Topics.ALL.stream().map(cn.gov.eco.contracts.Topic::name).toList();
}
