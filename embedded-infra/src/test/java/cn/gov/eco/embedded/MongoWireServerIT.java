package cn.gov.eco.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireServerIT {

    @TempDir
    Path dir;

    @Test
    void h2FileKeepsDocumentsAndUniqueIndexesAcrossARestart() {
        try (MongoWireServer server = MongoWireServer.h2File(dir).start(0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("case").getCollection("cases");
            cases.createIndex(Indexes.ascending("caseNo"), new IndexOptions().unique(true));
            cases.insertOne(new Document("_id", "c-1").append("caseNo", "环罚〔2026〕1号"));
        }
        assertThat(Files.exists(dir.resolve(MongoWireServer.DATA_FILE))).isTrue();

        try (MongoWireServer server = MongoWireServer.h2File(dir).start(0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("case").getCollection("cases");
            Document found = cases.find(Filters.eq("_id", "c-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("caseNo")).isEqualTo("环罚〔2026〕1号");
            assertThatThrownBy(() -> cases.insertOne(new Document("_id", "c-2").append("caseNo", "环罚〔2026〕1号")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThat(cases.countDocuments()).isEqualTo(1);
        }
    }

    /**
     * A unique key with other fields ({@code {_id, version}}, the optimistic-lock write) is looked up by the key
     * (KeyLookupIndex) and the document is still matched against the whole query: same answers as a scan.
     */
    @Test
    void keyWithOtherFieldsMatchesTheWholeQueryOnBothBackends() {
        for (MongoWireServer server : new MongoWireServer[] {MongoWireServer.h2File(dir), MongoWireServer.inMemory()}) {
            try (MongoWireServer s = server.start(0); MongoClient client = MongoClients.create(s.connectionString())) {
                MongoCollection<Document> c = client.getDatabase("t").getCollection("versioned" + System.nanoTime());
                c.createIndex(Indexes.ascending("no"), new IndexOptions().unique(true));
                for (int i = 1; i <= 3; i++) {
                    c.insertOne(new Document("_id", "c-" + i).append("no", "N" + i).append("version", 1L));
                }

                assertThat(c.updateOne(Filters.and(Filters.eq("_id", "c-2"), Filters.eq("version", 1L)),
                        Updates.set("version", 2L)).getModifiedCount()).isEqualTo(1);
                assertThat(c.updateOne(Filters.and(Filters.eq("_id", "c-2"), Filters.eq("version", 1L)),
                        Updates.set("version", 3L)).getMatchedCount()).isZero();
                assertThat(c.find(Filters.and(Filters.eq("_id", "c-2"), Filters.eq("version", 2L))).first())
                        .isNotNull();
                assertThat(c.find(Filters.and(Filters.eq("_id", "c-2"), Filters.eq("version", 1L))).first()).isNull();
                assertThat(c.find(Filters.and(Filters.eq("_id", "c-9"), Filters.eq("version", 1L))).first()).isNull();
                assertThat(c.find(Filters.and(Filters.eq("no", "N3"), Filters.eq("version", 1L))).first()
                        .getString("_id")).isEqualTo("c-3");
                assertThat(c.find(Filters.and(Filters.eq("_id", "c-1"),
                        Filters.or(Filters.eq("version", 0L), Filters.exists("version", false)))).first()).isNull();
                assertThat(c.countDocuments(Filters.and(Filters.in("_id", "c-1", "c-3"), Filters.eq("version", 1L))))
                        .isEqualTo(2);
                assertThat(c.findOneAndUpdate(Filters.and(Filters.eq("_id", "c-3"), Filters.lte("version", 1L)),
                        Updates.inc("version", 1L))).isNotNull();
                assertThat(c.deleteOne(Filters.and(Filters.eq("_id", "c-3"), Filters.eq("version", 1L)))
                        .getDeletedCount()).isZero();
                assertThat(c.find(Filters.eq("version", 2L)).into(new java.util.ArrayList<>())).hasSize(2);

                // serverStatus.opcounters count what was written: 3 inserts, 2 updates (one by findOneAndUpdate)
                Document counters = client.getDatabase("admin").runCommand(new Document("serverStatus", 1))
                        .get("opcounters", Document.class);
                assertThat(counters.get("insert", Number.class).longValue()).isEqualTo(3);
                assertThat(counters.get("update", Number.class).longValue()).isEqualTo(2);
                assertThat(counters.get("delete", Number.class).longValue()).isZero();
            }
        }
    }

    /** A non-unique index (EqualityIndex) narrows what is read; the answers stay those of a scan, also after a restart. */
    @Test
    void nonUniqueIndexAnswersLikeAScanThroughWritesAndARestart() {
        for (boolean h2 : new boolean[] {true, false}) {
            try (MongoWireServer s = (h2 ? MongoWireServer.h2File(dir) : MongoWireServer.inMemory()).start(0);
                 MongoClient client = MongoClients.create(s.connectionString())) {
                MongoCollection<Document> c = client.getDatabase("t").getCollection("records");
                c.createIndex(Indexes.ascending("uscc", "submittedAt"));
                c.createIndex(Indexes.ascending("status"));
                for (int i = 1; i <= 6; i++) {
                    c.insertOne(new Document("_id", "r-" + i).append("uscc", i % 2 == 0 ? "A" : "B")
                            .append("status", i <= 3 ? "OPEN" : "CLOSED").append("n", i));
                }
                c.updateOne(Filters.eq("_id", "r-2"), Updates.set("uscc", "B"));
                c.deleteOne(Filters.eq("_id", "r-4"));

                assertThat(ids(c, Filters.eq("uscc", "A"))).containsExactly("r-6");
                assertThat(ids(c, Filters.and(Filters.eq("uscc", "B"), Filters.in("status", "OPEN"))))
                        .containsExactly("r-1", "r-2", "r-3");
                assertThat(c.countDocuments(Filters.eq("status", "CLOSED"))).isEqualTo(2);
                assertThat(ids(c, Filters.eq("uscc", "Z"))).isEmpty();
                assertThat(ids(c, Filters.gte("n", 5))).containsExactly("r-5", "r-6");
            }
            if (h2) {
                try (MongoWireServer s = MongoWireServer.h2File(dir).start(0);
                     MongoClient client = MongoClients.create(s.connectionString())) {
                    MongoCollection<Document> c = client.getDatabase("t").getCollection("records");
                    assertThat(ids(c, Filters.eq("uscc", "B"))).containsExactly("r-1", "r-2", "r-3", "r-5");
                    c.createIndex(Indexes.ascending("uscc", "submittedAt"));
                    assertThat(ids(c, Filters.and(Filters.eq("uscc", "B"), Filters.eq("status", "CLOSED"))))
                            .containsExactly("r-5");
                }
            }
        }
    }

    private static java.util.List<String> ids(MongoCollection<Document> c, org.bson.conversions.Bson filter) {
        return c.find(filter).map(d -> d.getString("_id")).into(new java.util.ArrayList<>());
    }

    @Test
    void memoryBackendServesAndForgets() {
        try (MongoWireServer server = MongoWireServer.inMemory().start(0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(server.connectionString()).isEqualTo("mongodb://127.0.0.1:" + server.port());
            client.getDatabase("credit").getCollection("x").insertOne(new Document("a", 1));
            assertThat(client.getDatabase("credit").getCollection("x").countDocuments()).isEqualTo(1);
        }
    }
}
