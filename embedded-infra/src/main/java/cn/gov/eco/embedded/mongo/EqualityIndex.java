package cn.gov.eco.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A non-unique index for the wire server, which has none of its own ("adding secondary index … is not yet
 * implemented. ignoring"): kept in memory, rebuilt from the documents when the collection is opened, on the
 * <em>first</em> field of the index requested, answering queries that hold that field with a plain value (for
 * example {@code {uscc: "9135…", status: {$in: [...]}}}). It only narrows which documents are read: the wire
 * server still matches each against the whole query, so the answers are those of a scan. Range queries, operators
 * on the field, arrays and nulls are left to the scan.
 */
final class EqualityIndex<P> extends Index<P> {

    private final Map<KeyValue, Set<P>> positions = new HashMap<>();
    private final Map<Object, P> positionById = new HashMap<>();
    private final Map<Object, Set<KeyValue>> keysById = new HashMap<>();

    EqualityIndex(String name, List<IndexKey> keys) {
        super(name, List.of(keys.get(0)), false);
    }

    private String field() {
        return getKeys().get(0).getKey();
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return Equality.plainValue(query, field()) != null;
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Set<P> found = positions.get(new KeyValue(Equality.plainValue(query, field())).normalized());
        if (found == null) {
            return List.of();
        }
        List<P> inOrder = new ArrayList<>(found);
        try {
            // the order a scan reads them in: H2 by key, memory by insertion
            inOrder.sort(null);
        } catch (ClassCastException mixedKeys) {
            // keys of different types: any order will do (MongoDB promises none without a sort)
        }
        return inOrder;
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        Object id = id(document);
        Set<KeyValue> keys = new LinkedHashSet<>();
        for (KeyValue k : getKeyValues(document)) {
            KeyValue key = k.normalized();
            keys.add(key);
            positions.computeIfAbsent(key, x -> new LinkedHashSet<>()).add(position);
        }
        positionById.put(id, position);
        keysById.put(id, keys);
    }

    @Override
    public synchronized P remove(Document document) {
        Object id = id(document);
        P position = positionById.remove(id);
        Set<KeyValue> keys = keysById.remove(id);
        if (position != null && keys != null) {
            for (KeyValue key : keys) {
                Set<P> at = positions.get(key);
                if (at != null) {
                    at.remove(position);
                    if (at.isEmpty()) {
                        positions.remove(key);
                    }
                }
            }
        }
        return position;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
                                           MongoCollection<P> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public synchronized P getPosition(Document document) {
        return positionById.get(id(document));
    }

    private static Object id(Document document) {
        return new KeyValue(document.get("_id")).normalized();
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: nothing to check
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: nothing to check
    }

    @Override
    public synchronized long getCount() {
        return positionById.size();
    }

    @Override
    public synchronized boolean isEmpty() {
        return positionById.isEmpty();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        positions.clear();
        positionById.clear();
        keysById.clear();
    }

    @Override
    public boolean isUnique() {
        return false;
    }
}
