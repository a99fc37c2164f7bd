package cn.gov.eco.benchmark;

import cn.gov.eco.contracts.Topic;
import cn.gov.eco.contracts.Topics;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the pipeline wrote, counted where it was written: MongoDB's {@code serverStatus.opcounters} (documents
 * inserted and updated — the embedded wire server keeps them too) and the end offsets of the catalogue's topics
 * (records published). Read before and after the measured decisions, the difference divided by the decisions is
 * the work per decision that the component baseline then repeats with the plain clients: "the same writes" and
 * "the same number of records".
 */
record PipelineCounts(long inserts, long updates, long records) {

    static PipelineCounts read(String mongoUri, String bootstrap) throws Exception {
        long inserts = -1;
        long updates = -1;
        try (MongoClient client = MongoClients.create(mongoUri)) {
            Document status = client.getDatabase("admin").runCommand(new Document("serverStatus", 1));
            Document counters = status.get("opcounters", Document.class);
            if (counters != null) {
                inserts = ((Number) counters.get("insert")).longValue();
                updates = ((Number) counters.get("update")).longValue();
            }
        }
        long records = 0;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            for (Topic t : Topics.ALL) {
                for (int p = 0; p < t.partitions(); p++) {
                    specs.put(new TopicPartition(t.name(), p), OffsetSpec.latest());
                }
            }
            for (var info : admin.listOffsets(specs).all().get(30, TimeUnit.SECONDS).values()) {
                records += info.offset();
            }
        }
        return new PipelineCounts(inserts, updates, records);
    }

    /** Per decision, from {@code before} to this; a count the server does not keep is -1. */
    PerDecision since(PipelineCounts before, int decisions) {
        return new PerDecision(
                inserts < 0 || before.inserts < 0 ? -1 : (double) (inserts - before.inserts) / decisions,
                updates < 0 || before.updates < 0 ? -1 : (double) (updates - before.updates) / decisions,
                (double) (records - before.records) / decisions);
    }

    record PerDecision(double inserts, double updates, double records) {
        int insertsRounded() {
            return inserts < 0 ? 1 : Math.max(1, (int) Math.round(inserts));
        }

        int updatesRounded() {
            return updates < 0 ? 1 : Math.max(1, (int) Math.round(updates));
        }

        int recordsRounded() {
            return Math.max(1, (int) Math.round(records));
        }
    }
}
