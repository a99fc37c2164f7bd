package cn.gov.eco.credit.level.infrastructure;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.credit.level.model.EnterpriseCreditLevel;
import cn.gov.eco.credit.level.model.LevelEvent;
import cn.gov.eco.credit.level.model.Supervision;
import cn.gov.eco.platform.messaging.OutboxDocuments;
import cn.gov.eco.platform.messaging.OutboxEvent;
import cn.gov.eco.platform.messaging.OutboxWriter;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code credit_levels} collection: one document per enterprise (id = USCC) with its evaluation, a version for
 * optimistic concurrency, and the outbox of its {@code credit.level.v1} and {@code credit.enterprise-status.v1}
 * events, written together in one single-document write.
 */
public class CreditLevelRepository {

    public static final String COLLECTION = "credit_levels";
    /** No period rule set applies to the evaluation; its events say which scheme does. */
    static final String RULE_SET = "FJ-DYNAMIC-EVALUATION-2019";

    private final MongoCollection<Document> levels;
    private final OutboxWriter outbox;
    private final JsonMapper json;
    private final Clock clock;

    public CreditLevelRepository(MongoDatabase db, OutboxWriter outbox, JsonMapper json, Clock clock) {
        this.levels = db.getCollection(COLLECTION);
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    public record Stored(EnterpriseCreditLevel level, long version, long lastSequence) {
    }

    public Optional<Stored> find(String uscc) {
        Document d = levels.find(Filters.eq("_id", uscc)).first();
        if (d == null) {
            return Optional.empty();
        }
        var level = json.readValue(d.get("level", Document.class).toJson(), EnterpriseCreditLevel.class);
        return Optional.of(new Stored(level, ((Number) d.get("version")).longValue(), OutboxDocuments.lastSequence(d)));
    }

    /**
     * Inserts (when {@code before} is null) or updates the evaluation with its events.
     *
     * @return false when another write got there first: read again and retry
     */
    public boolean save(Stored before, EnterpriseCreditLevel after, List<LevelEvent> changes, LocalDate today) {
        List<OutboxEvent> events = events(after, changes, before == null ? 0 : before.lastSequence(), today);
        Document level = Document.parse(json.writeValueAsString(after));
        if (before == null) {
            Document doc = new Document("_id", after.uscc()).append("version", 0L)
                    .append("level", level).append("levelCode", after.level().name());
            return outbox.insertWithEvents(levels, doc, events);
        }
        return outbox.updateWithEvents(levels, after.uscc(), Filters.eq("version", before.version()),
                Updates.combine(Updates.set("level", level), Updates.set("levelCode", after.level().name()),
                        Updates.set("version", before.version() + 1)), events);
    }

    private List<OutboxEvent> events(EnterpriseCreditLevel l, List<LevelEvent> changes, long lastSequence,
                                     LocalDate today) {
        List<OutboxEvent> out = new ArrayList<>();
        long seq = lastSequence;
        for (LevelEvent e : changes) {
            seq++;
            out.add(switch (e) {
                case LevelEvent.LevelChanged c -> {
                    var ch = c.change();
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("uscc", l.uscc());
                    p.put("enterpriseName", l.enterpriseName());
                    p.put("from", ch.from().name());
                    p.put("to", ch.to().name());
                    p.put("previousScore", ch.scoreBefore().toPlainString());
                    p.put("score", ch.scoreAfter().toPlainString());
                    p.put("veto", ch.veto());
                    p.put("reason", ch.reason().name());
                    p.put("reasonZh", ch.reasonZh());
                    p.put("reasonEn", ch.reasonEn());
                    p.put("caseId", ch.caseId());
                    p.put("decisionDocumentNumber", ch.documentNumber());
                    p.put("changedOn", ch.on().toString());
                    yield outbox.raise(EventTypes.CREDIT_LEVEL_CHANGED, l.uscc(), l.uscc(), seq, RULE_SET, "none", p);
                }
                case LevelEvent.SupervisionChanged s -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("uscc", l.uscc());
                    p.put("from", supervision(s.from()));
                    p.put("to", supervision(s.to()));
                    p.put("reasonZh", s.reasonZh());
                    p.put("reasonEn", s.reasonEn());
                    p.put("changedOn", today.toString());
                    yield outbox.raise(EventTypes.SUPERVISION_TIER_CHANGED, l.uscc(), l.uscc(), seq, RULE_SET, "none", p);
                }
                case LevelEvent.StatusChanged s -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("uscc", l.uscc());
                    p.put("enterpriseName", l.enterpriseName());
                    p.put("level", l.level().name());
                    p.put("score", l.score().toPlainString());
                    p.put("veto", l.veto());
                    p.put("positiveList", l.positiveList());
                    p.put("supervision", supervision(l.supervision()));
                    p.put("openPublicityRecords", l.openPublicityRecords().size());
                    p.put("openRecordIds", l.openPublicityRecords().stream().sorted().toList());
                    p.put("openRepairApplications", l.openRepairApplications().size());
                    p.put("asOf", clock.instant().toString());
                    yield outbox.raise(EventTypes.ENTERPRISE_CREDIT_STATUS, l.uscc(), l.uscc(), seq, RULE_SET, "none", p);
                }
            });
        }
        return out;
    }

    private static Map<String, Object> supervision(Supervision s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tier", s.tier());
        p.put("level", s.level().name());
        p.put("positiveList", s.positiveList());
        p.put("inspectionFrequencyZh", s.inspectionFrequencyZh());
        p.put("inspectionFrequencyEn", s.inspectionFrequencyEn());
        p.put("maxOnSiteInspections", s.maxOnSiteInspections());
        p.put("perMonths", s.perMonths());
        p.put("onSiteAssistanceQuarterly", s.onSiteAssistanceQuarterly());
        p.put("repairFastLane", s.repairFastLane());
        return p;
    }
}
