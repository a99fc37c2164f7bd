package cn.gov.eco.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;


/**
 * A unique single-field index (above all {@code _id}) that also answers queries which name its field by equality
 * <em>and</em> other fields, e.g. the optimistic-lock update {@code {$and: [{_id: "c-1"}, {version: 7}]}}.
 *
 * <p>Why: the wire server's own index answers a query only when the query's fields are exactly the index's fields,
 * so {@code {_id, version}} or an {@code $and} of them — every version-guarded write, every outbox "mark sent" — read every document of the
 * collection (a full scan through H2 and Java deserialisation; the top cost of the embedded stack under load, see
 * docs/benchmark-and-chaos.md). Here such a query is answered by looking up the one document the equality names;
 * the wire server then matches that document against the <em>whole</em> query as before, so the answer is the same
 * and only the work differs. Real MongoDB plans {@code _id} lookups this way by itself.
 *
 * <p>Everything else is the wrapped index's.
 */
final class KeyLookupIndex<P> extends Index<P> {

    private final Index<P> index;

    KeyLookupIndex(Index<P> index) {
        super(index.getName(), index.getKeys(), false);
        this.index = index;
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query) || lookupKey(query) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        if (index.canHandle(query)) {
            return index.getPositions(query);
        }
        String key = lookupKey(query);
        return index.getPositions(new Document(key, Equality.plainValue(query, key)));
    }

    /**
     * The index's field, when this index is unique on one field and the query demands a plain value for it (beside
     * other conditions, or in a conjunct of {@code $and}); null otherwise.
     */
    private String lookupKey(Document query) {
        if (!index.isUnique() || getKeys().size() != 1) {
            return null;
        }
        String key = getKeys().get(0).getKey();
        Object value = Equality.plainValue(query, key);
        return value != null && index.canHandle(new Document(key, value)) ? key : null;
    }

    @Override
    public P getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        index.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public boolean isEmpty() {
        return index.isEmpty();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        index.drop();
    }

    @Override
    public boolean isUnique() {
        return index.isUnique();
    }

    @Override
    public Document toIndexDescription() {
        return index.toIndexDescription();
    }
}
