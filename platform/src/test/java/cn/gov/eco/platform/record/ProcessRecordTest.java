package cn.gov.eco.platform.record;

import cn.gov.eco.platform.security.ActorRef;
import cn.gov.eco.contracts.identity.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessRecordTest {

    static final ActorRef LIN = new ActorRef("officer-lin", "林志远", Role.OFFICER);
    static final ActorRef WANG = new ActorRef("legal-reviewer", "王律", Role.LEGAL_REVIEWER);

    static List<RecordEntry> chain() {
        var e1 = ProcessRecord.next(null, Instant.parse("2026-09-15T01:00:00Z"), LIN, "CASE_FILED", null, "FILED",
                "现场检查发现废气处理设施未正常运行", List.of("立案审批表"), Map.of("uscc", "91350500MA2Y0001XX"));
        var e2 = ProcessRecord.next(e1, Instant.parse("2026-10-20T02:30:00.123456789Z"), WANG, "LEGAL_REVIEW_PASSED",
                "LEGAL_REVIEW", "COLLECTIVE_DISCUSSION", "意见：\"同意\"\n", List.of(), Map.of());
        var e3 = ProcessRecord.next(e2, Instant.parse("2026-11-20T08:00:00Z"), LIN, "DECISION_RECORDED",
                "COLLECTIVE_DISCUSSION", "DECIDED", null, List.of("泉环罚〔2026〕58号"),
                Map.of("fine", "34000.00", "documentNumber", "泉环罚〔2026〕58号"));
        return List.of(e1, e2, e3);
    }

    @Test
    void shouldVerifyAnIntactChain() {
        var v = ProcessRecord.verify(chain());
        assertThat(v.intact()).isTrue();
        assertThat(v.entries()).isEqualTo(3);
        assertThat(v.headHash()).isEqualTo(chain().get(2).hash());
        assertThat(chain().get(0).prevHash()).isEqualTo(ProcessRecord.GENESIS);
    }

    @Test
    void shouldFindWhereAChangedEntryBreaksTheChain() {
        var entries = new ArrayList<>(chain());
        var e2 = entries.get(1);
        entries.set(1, new RecordEntry(e2.seq(), e2.at(), e2.actor(), e2.action(), e2.fromState(), e2.toState(),
                "意见：不同意", e2.documents(), e2.details(), e2.prevHash(), e2.hash()));
        var v = ProcessRecord.verify(entries);
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAtSeq()).isEqualTo(2);
        assertThat(v.reasonEn()).contains("changed");
    }

    @Test
    void shouldFindARemovedOrRehashedEntry() {
        var entries = new ArrayList<>(chain());
        entries.remove(1);
        assertThat(ProcessRecord.verify(entries).brokenAtSeq()).isEqualTo(3);

        // rewriting entry 2 and recomputing its own hash still breaks entry 3's link
        var rewritten = new ArrayList<>(chain());
        var e2 = rewritten.get(1);
        var forged = ProcessRecord.next(rewritten.get(0), e2.at(), e2.actor(), e2.action(), e2.fromState(),
                e2.toState(), "意见：不同意", e2.documents(), e2.details());
        rewritten.set(1, forged);
        var v = ProcessRecord.verify(rewritten);
        assertThat(v.brokenAtSeq()).isEqualTo(3);
        assertThat(v.reasonEn()).contains("prevHash");
    }

    @Test
    void shouldHashTheCanonicalJsonAnyJsonLibraryProducesWithSortedKeys() throws Exception {
        var json = JsonMapper.builder().build();
        for (RecordEntry e : chain()) {
            Map<String, Object> m = new TreeMap<>();
            m.put("seq", String.valueOf(e.seq()));
            m.put("at", e.at().toString());
            m.put("actorId", e.actor().userId());
            m.put("actorName", e.actor().name());
            m.put("actorRole", e.actor().role().name());
            m.put("action", e.action());
            m.put("fromState", e.fromState() == null ? "" : e.fromState());
            m.put("toState", e.toState() == null ? "" : e.toState());
            m.put("reason", e.reason() == null ? "" : e.reason());
            m.put("documents", e.documents());
            m.put("details", new TreeMap<>(e.details()));
            String canonical = json.writeValueAsString(m);
            assertThat(ProcessRecord.canonical(e)).isEqualTo(canonical);
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((e.prevHash() + "\n" + canonical).getBytes(StandardCharsets.UTF_8));
            assertThat(e.hash()).isEqualTo(HexFormat.of().formatHex(digest));
        }
    }

    @Test
    void shouldSurviveTheRoundTripThroughBson() {
        var back = chain().stream().map(ProcessRecord::toBson).map(ProcessRecord::fromBson).toList();
        assertThat(back).isEqualTo(chain());
        assertThat(ProcessRecord.verify(back).intact()).isTrue();
    }
}
