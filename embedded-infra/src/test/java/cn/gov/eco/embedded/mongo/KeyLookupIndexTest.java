package cn.gov.eco.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which queries the wrapper answers from the key, and which it leaves to the wire server's scan. */
class KeyLookupIndexTest {

    /** A unique index on _id over a map, answering only queries of exactly its own fields (as the library's). */
    private static final class ExactIdIndex extends Index<Integer> {
        private final Map<Object, Integer> positions = Map.of("c-1", 1, "c-2", 2);

        ExactIdIndex() {
            super("_id_", List.of(new IndexKey("_id", true)), false);
        }

        @Override
        public boolean canHandle(Document query) {
            return query.keySet().equals(keySet());
        }

        @Override
        public Iterable<Integer> getPositions(Document query) {
            Integer p = positions.get(query.get("_id"));
            return p == null ? List.of() : List.of(p);
        }

        @Override
        public boolean isUnique() {
            return true;
        }

        // the rest is not used here
        @Override public Integer getPosition(Document document) { return null; }
        @Override public void checkAdd(Document document, MongoCollection<Integer> collection) { }
        @Override public void add(Document document, Integer position, MongoCollection<Integer> collection) { }
        @Override public Integer remove(Document document) { return null; }
        @Override public long getCount() { return positions.size(); }
        @Override public long getDataSize() { return 0; }
        @Override public void checkUpdate(Document o, Document n, MongoCollection<Integer> collection) { }
        @Override public void updateInPlace(Document o, Document n, Integer p, MongoCollection<Integer> c) { }
        @Override public void drop() { }
    }

    private final KeyLookupIndex<Integer> index = new KeyLookupIndex<>(new ExactIdIndex());

    @Test
    void answersTheKeyWithOtherFieldsFromTheKeyAlone() {
        Document versioned = new Document("_id", "c-2").append("version", 7L);

        assertThat(index.canHandle(versioned)).isTrue();
        assertThat(index.getPositions(versioned)).containsExactly(2);
        assertThat(index.getPositions(new Document("_id", "c-9").append("version", 7L))).isEmpty();
    }

    @Test
    void findsTheKeyInAConjunctOfAnd() {
        // what the Java driver sends for Filters.and(eq("_id", …), eq("version", …))
        Document and = new Document("$and", List.of(new Document("version", 7L), new Document("_id", "c-1")));

        assertThat(index.canHandle(and)).isTrue();
        assertThat(index.getPositions(and)).containsExactly(1);
        assertThat(index.canHandle(new Document("$or", List.of(new Document("_id", "c-1"))))).isFalse();
    }

    @Test
    void leavesTheWrappedIndexItsOwnQueries() {
        assertThat(index.canHandle(new Document("_id", "c-1"))).isTrue();
        assertThat(index.getPositions(new Document("_id", "c-1"))).containsExactly(1);
    }

    @Test
    void leavesOperatorsArraysNullsAndOtherFieldsToTheScan() {
        assertThat(index.canHandle(new Document("_id", new Document("$in", List.of("c-1"))).append("v", 1))).isFalse();
        assertThat(index.canHandle(new Document("_id", List.of("c-1")).append("v", 1))).isFalse();
        assertThat(index.canHandle(new Document("_id", null).append("v", 1))).isFalse();
        assertThat(index.canHandle(new Document("uscc", "x").append("v", 1))).isFalse();
    }
}
