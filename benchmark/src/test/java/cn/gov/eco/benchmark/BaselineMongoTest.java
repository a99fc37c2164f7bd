package cn.gov.eco.benchmark;

import cn.gov.eco.embedded.MongoWireServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MongoDB part of the component baseline does the writes it says it does (its own check fails the run
 * otherwise), and the opcounters the benchmark reads count exactly them.
 */
class BaselineMongoTest {

    @Test
    void writesTheCountedInsertsAndVersionGuardedUpdatesPerDecision() throws Exception {
        try (MongoWireServer server = MongoWireServer.inMemory().start(0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            long before = updates(client);

            Baseline.Result r = Baseline.mongo(server.connectionString(), 20, 3, 7, "t", 2);

            assertThat(r.count()).isEqualTo(20);
            assertThat(r.detail()).contains("3 inserts").contains("7 version-guarded updates");
            assertThat(updates(client) - before).isEqualTo(20 * 7);
        }
    }

    @Test
    void perDecisionCountsRoundToAtLeastOneOfEach() {
        var pd = new PipelineCounts(130, 1010, 520).since(new PipelineCounts(0, 10, 20), 100);

        assertThat(pd.inserts()).isEqualTo(1.3);
        assertThat(pd.insertsRounded()).isEqualTo(1);
        assertThat(pd.updatesRounded()).isEqualTo(10);
        assertThat(pd.recordsRounded()).isEqualTo(5);
        assertThat(new PipelineCounts(-1, -1, 0).since(new PipelineCounts(-1, -1, 0), 10).updatesRounded())
                .isEqualTo(1);
    }

    private static long updates(MongoClient client) {
        return client.getDatabase("admin").runCommand(new Document("serverStatus", 1))
                .get("opcounters", Document.class).get("update", Number.class).longValue();
    }
}
