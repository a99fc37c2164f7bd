package cn.gov.eco.enforcement;

import cn.gov.eco.contracts.Topic;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.enforcement.decision.DecisionRecordingIT;
import cn.gov.eco.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A topic created before the catalogue had its policy (an event log that kept 7 days, the compacted status topic as
 * a plain log) gets the catalogue's retention and compaction when a service starts: readers that start late can
 * still rebuild (spring.kafka.admin.modify-topic-configs, Topic.Policy).
 */
class TopicPolicyIT {

    private static final long SEVEN_DAYS = Duration.ofDays(7).toMillis();

    @Test
    void shouldBringTopicsThatExistToTheCataloguesRetentionAndCompaction() throws Exception {
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        Topic log = Topics.CREDIT_LEVEL;
        Topic status = Topics.CREDIT_ENTERPRISE_STATUS;
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            outdate(admin, log, "delete");
            outdate(admin, status, "delete");
            assertThat(config(admin, log.name(), "retention.ms")).isEqualTo(Long.toString(SEVEN_DAYS));
            assertThat(config(admin, status.name(), "cleanup.policy")).isEqualTo("delete");

            ConfigurableApplicationContext app = DecisionRecordingIT.start("topic-policy-it-" + UUID.randomUUID());
            try {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(config(admin, log.name(), "retention.ms"))
                            .isEqualTo(Long.toString(log.policy().retentionMs()));
                    assertThat(config(admin, status.name(), "cleanup.policy")).isEqualTo("compact");
                    assertThat(config(admin, status.name(), "retention.ms"))
                            .isEqualTo(Long.toString(status.policy().retentionMs()));
                });
            } finally {
                app.close();
            }
        }
    }

    /** The topic as an older version left it: 7 days, the given cleanup policy. */
    private static void outdate(AdminClient admin, Topic topic, String cleanup) throws Exception {
        if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic.name())) {
            admin.createTopics(List.of(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(Map.of(
                    "retention.ms", Long.toString(SEVEN_DAYS), "cleanup.policy", cleanup)))).all()
                    .get(10, TimeUnit.SECONDS);
            return;
        }
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
        admin.incrementalAlterConfigs(Map.of(resource, List.of(
                new AlterConfigOp(new ConfigEntry("retention.ms", Long.toString(SEVEN_DAYS)), AlterConfigOp.OpType.SET),
                new AlterConfigOp(new ConfigEntry("cleanup.policy", cleanup), AlterConfigOp.OpType.SET))))
                .all().get(10, TimeUnit.SECONDS);
    }

    private static String config(AdminClient admin, String topic, String name) throws Exception {
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource).get(name).value();
    }
}
