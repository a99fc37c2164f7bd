package cn.gov.eco.enforcement.search.infrastructure;

import cn.gov.eco.enforcement.decision.infrastructure.CaseRepository;
import cn.gov.eco.enforcement.search.application.CaseSearch;
import cn.gov.eco.platform.store.Counting;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The case list read from the {@code cases} collection: a decided case names its party and 文号 in {@code decision},
 * a case still in the flow its party in {@code file.party}. Read-only.
 */
public class MongoCaseSearch implements CaseSearch.Cases {

    /** 18 characters of the GB 32100 alphabet: searched as a code, exactly, not as part of a name. */
    private static final Pattern USCC_SHAPE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    private final MongoCollection<Document> cases;

    public MongoCaseSearch(MongoDatabase db) {
        this.cases = db.getCollection(CaseRepository.COLLECTION);
    }

    @Override
    public CaseSearch.Page search(CaseSearch.Criteria c) {
        Bson filter = filter(c);
        long total = Counting.count(cases, filter);
        List<CaseSearch.CaseSummary> page = new ArrayList<>();
        for (Document d : cases.find(filter)
                .projection(Projections.include("state", "decision.documentNumber", "decision.decisionDate",
                        "decision.enterprise.name", "decision.enterprise.uscc", "decision.issuingAgency",
                        "file.party.name", "file.party.uscc"))
                .sort(Sorts.orderBy(Sorts.descending("decision.decisionDate"), Sorts.ascending("_id")))
                .skip(c.page() * c.size()).limit(c.size())) {
            page.add(summary(d));
        }
        return new CaseSearch.Page(page, c.page(), c.size(), total);
    }

    private static Bson filter(CaseSearch.Criteria c) {
        List<Bson> all = new ArrayList<>();
        if (c.text() != null) {
            String upper = c.text().toUpperCase(Locale.ROOT);
            if (USCC_SHAPE.matcher(upper).matches()) {
                all.add(Filters.or(Filters.eq("decision.enterprise.uscc", upper), Filters.eq("file.party.uscc", upper)));
            } else {
                // part of a name or a 文号, taken literally (a user's text is never a regular expression)
                Pattern literal = Pattern.compile(Pattern.quote(c.text()));
                all.add(Filters.or(Filters.regex("decision.documentNumber", literal),
                        Filters.regex("decision.enterprise.name", literal), Filters.regex("file.party.name", literal),
                        Filters.eq("_id", c.text())));
            }
        }
        if (!c.states().isEmpty()) {
            all.add(Filters.in("state", c.states()));
        }
        // ISO dates compare as strings in date order
        if (c.decidedFrom() != null) {
            all.add(Filters.gte("decision.decisionDate", c.decidedFrom().toString()));
        }
        if (c.decidedTo() != null) {
            all.add(Filters.lte("decision.decisionDate", c.decidedTo().toString()));
        }
        return all.isEmpty() ? new Document() : Filters.and(all);
    }

    private static CaseSearch.CaseSummary summary(Document d) {
        Document decision = d.get("decision", Document.class);
        Document party = decision != null ? decision.get("enterprise", Document.class)
                : d.get("file", Document.class) == null ? null
                : d.get("file", Document.class).get("party", Document.class);
        String date = decision == null ? null : decision.getString("decisionDate");
        return new CaseSearch.CaseSummary(d.getString("_id"), d.getString("state"),
                decision == null ? null : decision.getString("documentNumber"),
                party == null ? null : party.getString("name"), party == null ? null : party.getString("uscc"),
                date == null ? null : LocalDate.parse(date),
                decision == null ? null : decision.getString("issuingAgency"));
    }
}
