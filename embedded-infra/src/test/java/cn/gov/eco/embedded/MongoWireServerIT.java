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
