package cn.gov.eco.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.gov.eco.chaos.StoreSnapshot.Stored;
import cn.gov.eco.chaos.TopicLog.Seen;
import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.contracts.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness's checks find what they are for: each property broken on purpose is reported, a clean run is not. */
class InvariantsTest {

    private static final String CASES = Topics.ENFORCEMENT_CASE.name();
    private static final String DELIVERY = Topics.NOTICE_DELIVERY.name();
    private static final String PUBLICITY = Topics.CREDIT_PUBLICITY.name();

    /** One case fully processed: stored everywhere, every event published once. */
    private static StoreSnapshot store(String caseId) {
        StoreSnapshot s = new StoreSnapshot();
        s.documents.add(new Stored("case-service", "cases", caseId, caseId, null, List.of("pd-" + caseId), false));
        s.documents.add(new Stored("notice-service", "deliveries", caseId, caseId, null,
                List.of("prep-" + caseId, "ddc-" + caseId), false));
        s.documents.add(new Stored("notice-service", "documents", caseId + "-decision", caseId, "DECISION", List.of(),
                false));
        s.documents.add(new Stored("notice-service", "documents", caseId + "-notice", caseId, "NOTICE", List.of(),
                false));
        s.documents.add(new Stored("credit-service", "publicity_records", caseId, caseId, null,
                List.of("po-" + caseId), false));
        s.hashes.put("case-service.cases", "aaaaaaaaaaaaaaaa");
        return s;
    }

    private static List<Seen> topics(String caseId) {
        List<Seen> t = new ArrayList<>();
        t.add(seen(CASES, 0, caseId, "pd-" + caseId, EventTypes.PENALTY_DECIDED.ceType(), "/case-service", caseId, 1,
                null));
        t.add(seen(DELIVERY, 1, caseId, "prep-" + caseId, EventTypes.DUAL_DELIVERY_PREPARED.ceType(),
                "/notice-service", caseId, 1, null));
        t.add(seen(DELIVERY, 2, caseId, "ddc-" + caseId, EventTypes.DUAL_DELIVERY_COMPLETED.ceType(),
                "/notice-service", caseId, 2, null));
        t.add(seen(PUBLICITY, 0, "91350500MA2Y0001XX", "po-" + caseId, EventTypes.PUBLICITY_OPENED.ceType(),
                "/credit-service", caseId, 1, "{\"caseId\":\"" + caseId + "\"}"));
        return t;
    }

    private static Seen seen(String topic, long offset, String key, String id, String type, String source,
                             String subject, long sequence, String value) {
        return new Seen(topic, 0, offset, key, id, type, source, subject, sequence, value, Map.of());
    }

    @Test
    void aCleanRunHasNoViolation() {
        Invariants inv = new Invariants();
        assertThat(inv.outboxAtomicity(store("c1"), topics("c1"))).isEmpty();
        assertThat(inv.noLossNoDuplicate(store("c1"), topics("c1"), Map.of("1", "c1"), Set.of())).isEmpty();
        assertThat(inv.orderPerKey(topics("c1"))).isEmpty();
        assertThat(inv.replayHarmless(store("c1"), store("c1"), topics("c1"), topics("c1"))).isEmpty();
    }

    @Test
    void r1ReportsAStoredEventNeverPublishedAndAPublishedEventNeverStoredButOnlyCountsARepublication() {
        List<Seen> missingOne = new ArrayList<>(topics("c1"));
        missingOne.removeIf(s -> s.ceId().equals("ddc-c1"));
        missingOne.add(seen(CASES, 5, "c9", "ghost", EventTypes.PENALTY_DECIDED.ceType(), "/case-service", "c9", 1,
                null));
        Invariants inv = new Invariants();
        assertThat(inv.outboxAtomicity(store("c1"), missingOne)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("never published").contains("ddc-c1"))
                .anySatisfy(v -> assertThat(v).contains("not in any stored outbox").contains("ghost"));

        List<Seen> twice = new ArrayList<>(topics("c1"));
        twice.add(twice.get(0));
        Invariants again = new Invariants();
        assertThat(again.outboxAtomicity(store("c1"), twice)).isEmpty();
        assertThat(again.figures.get("eventsPublishedMoreThanOnce")).isEqualTo(1L);
    }

    @Test
    void r2ReportsASecondDeliveryALostAcknowledgementAndAPublicityRecordForAnUnknownCase() {
        StoreSnapshot s = store("c1");
        s.documents.add(new Stored("notice-service", "deliveries", "c1-again", "c1", null, List.of(), false));
        s.documents.add(new Stored("credit-service", "publicity_records", "c7", "c7", null, List.of(), false));
        List<Seen> t = new ArrayList<>(topics("c1"));
        t.add(seen(DELIVERY, 3, "c1", "ddc-c1-second", EventTypes.DUAL_DELIVERY_COMPLETED.ceType(), "/notice-service",
                "c1-again", 2, null));
        List<String> v = new Invariants().noLossNoDuplicate(s, t, Map.of("1", "c1", "2", "lost"), Set.of());
        assertThat(String.join("\n", v)).contains("answered 201 but not stored").contains("lost")
                .contains("exactly 1 stored dual deliveries").contains("exactly 1 distinct DualDeliveryCompleted")
                .contains("publicity records for cases that were never stored");
    }

    @Test
    void r6ReportsADeliveryAnnouncedWithOneDocument() {
        StoreSnapshot s = store("c1");
        s.documents.removeIf(d -> "NOTICE".equals(d.kind()));
        assertThat(new Invariants().noLossNoDuplicate(s, topics("c1"), Map.of(), Set.of()))
                .anySatisfy(v -> assertThat(v).startsWith("R6").contains("c1 (1 document(s)"));
    }

    @Test
    void r4ReportsASequenceGoingBackwardsAndAKeySplitOverPartitionsButSkipsARepublishedId() {
        List<Seen> t = new ArrayList<>();
        t.add(seen(DELIVERY, 1, "c1", "e2", "t", "/notice-service", "c1", 2, null));
        t.add(seen(DELIVERY, 2, "c1", "e1", "t", "/notice-service", "c1", 1, null));
        t.add(new Seen(DELIVERY, 3, 0, "c1", "e3", "t", "/notice-service", "c1", 3, null, Map.of()));
        List<String> v = new Invariants().orderPerKey(t);
        assertThat(String.join("\n", v)).contains("out of sequence").contains("more than one partition");

        List<Seen> republished = new ArrayList<>();
        republished.add(seen(DELIVERY, 1, "c1", "e1", "t", "/notice-service", "c1", 1, null));
        republished.add(seen(DELIVERY, 2, "c1", "e2", "t", "/notice-service", "c1", 2, null));
        republished.add(seen(DELIVERY, 3, "c1", "e1", "t", "/notice-service", "c1", 1, null));
        assertThat(new Invariants().orderPerKey(republished)).isEmpty();
    }

    @Test
    void r3ReportsAChangedCollectionAndANewEvent() {
        StoreSnapshot after = store("c1");
        after.hashes.put("case-service.cases", "bbbbbbbbbbbbbbbb");
        List<Seen> more = new ArrayList<>(topics("c1"));
        more.add(seen(CASES, 9, "c1", "new-one", "t", "/case-service", "c1", 2, null));
        List<String> v = new Invariants().replayHarmless(store("c1"), after, topics("c1"), more);
        assertThat(String.join("\n", v)).contains("case-service.cases").contains("new-one");
    }
}
