package cn.gov.eco.enforcement.calendar.infrastructure;

import cn.gov.eco.contracts.EventTypes;
import cn.gov.eco.enforcement.calendar.model.YearProposal;
import cn.gov.eco.platform.calendar.AdjustedWorkday;
import cn.gov.eco.platform.calendar.CalendarRevisedV1;
import cn.gov.eco.platform.calendar.CalendarYear;
import cn.gov.eco.platform.calendar.HolidayRange;
import cn.gov.eco.platform.messaging.OutboxWriter;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The calendar years loaded through the administration, in case-service's database (collection
 * {@value #COLLECTION}, one document per year and version): who loaded it, from which notice, who approved it and
 * when. Approval writes the state and the {@code CalendarRevised} event in one update (outbox).
 */
public class YearProposalRepository {

    public static final String COLLECTION = "calendar_years";

    private final MongoCollection<Document> years;
    private final OutboxWriter outbox;

    public YearProposalRepository(MongoDatabase db, OutboxWriter outbox) {
        this.years = db.getCollection(COLLECTION);
        this.outbox = outbox;
    }

    /** @return false when the same year and version was proposed already (nothing written) */
    public boolean insert(YearProposal p) {
        return outbox.insertWithEvents(years, toBson(p), List.of());
    }

    /**
     * Marks the proposal approved and raises {@code CalendarRevised}, in one write guarded by its PROPOSED status.
     *
     * @return false when it was no longer PROPOSED (approved concurrently)
     */
    public boolean approve(YearProposal approved, String calendarVersion) {
        var event = outbox.raise(EventTypes.CALENDAR_REVISED, Integer.toString(approved.year().year()),
                "calendar-" + approved.year().year(), approved.year().version(), "none", calendarVersion,
                approved.revisedEvent());
        return outbox.updateWithEvents(years, approved.id(), Filters.eq("status", YearProposal.Status.PROPOSED.name()),
                Updates.combine(Updates.set("status", YearProposal.Status.APPROVED.name()),
                        Updates.set("approvedBy", actor(approved.approvedBy())),
                        Updates.set("approvedAt", Date.from(approved.approvedAt()))),
                List.of(event));
    }

    public Optional<YearProposal> find(int year, int version) {
        return Optional.ofNullable(years.find(Filters.eq("_id", YearProposal.id(year, version))).first())
                .map(YearProposalRepository::fromBson);
    }

    /** Every proposal, newest year and version first. */
    public List<YearProposal> all() {
        List<YearProposal> out = new ArrayList<>();
        years.find().sort(Sorts.descending("year", "version")).forEach(d -> out.add(fromBson(d)));
        return out;
    }

    public int highestVersion(int year) {
        Document d = years.find(Filters.eq("year", year)).sort(Sorts.descending("version")).first();
        return d == null ? 0 : d.getInteger("version");
    }

    static Document toBson(YearProposal p) {
        var y = p.year();
        return new Document("_id", p.id())
                .append("year", y.year())
                .append("version", y.version())
                .append("status", p.status().name())
                .append("source", new Document("documentId", p.source().documentId()).append("title", p.source().title())
                        .append("issuedOn", p.source().issuedOn() == null ? null : p.source().issuedOn().toString())
                        .append("url", p.source().url()))
                .append("holidays", y.holidays().stream().map(h -> new Document("from", h.from().toString())
                        .append("to", h.to().toString()).append("nameZh", h.nameZh()).append("nameEn", h.nameEn()))
                        .toList())
                .append("adjustedWorkdays", y.adjustedWorkdays().stream().map(a -> new Document("date",
                        a.date().toString()).append("holidayNameZh", a.holidayNameZh())
                        .append("holidayNameEn", a.holidayNameEn())).toList())
                .append("proposedBy", actor(p.proposedBy()))
                .append("proposedAt", Date.from(p.proposedAt()));
    }

    private static Document actor(CalendarRevisedV1.Actor a) {
        return a == null ? null : new Document("userId", a.userId()).append("name", a.name());
    }

    private static CalendarRevisedV1.Actor actor(Document d) {
        return d == null ? null : new CalendarRevisedV1.Actor(d.getString("userId"), d.getString("name"));
    }

    static YearProposal fromBson(Document d) {
        Document s = d.get("source", Document.class);
        var source = new CalendarRevisedV1.Source(s.getString("documentId"), s.getString("title"),
                s.getString("issuedOn") == null ? null : LocalDate.parse(s.getString("issuedOn")), s.getString("url"));
        List<HolidayRange> holidays = d.getList("holidays", Document.class).stream().map(h -> new HolidayRange(
                LocalDate.parse(h.getString("from")), LocalDate.parse(h.getString("to")), h.getString("nameZh"),
                h.getString("nameEn"))).toList();
        List<AdjustedWorkday> adjusted = d.getList("adjustedWorkdays", Document.class).stream().map(a ->
                new AdjustedWorkday(LocalDate.parse(a.getString("date")), a.getString("holidayNameZh"),
                        a.getString("holidayNameEn"))).toList();
        var year = new CalendarYear(d.getInteger("year"), source.documentId(), source.title(), d.getInteger("version"),
                false, holidays, adjusted);
        Date approvedAt = d.getDate("approvedAt");
        return new YearProposal(year, source, actor(d.get("proposedBy", Document.class)),
                d.getDate("proposedAt").toInstant(), YearProposal.Status.valueOf(d.getString("status")),
                actor(d.get("approvedBy", Document.class)), approvedAt == null ? null : approvedAt.toInstant());
    }
}
