package cn.gov.eco.deploy;

import cn.gov.eco.contracts.Principal;
import cn.gov.eco.contracts.Topic;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.testsupport.TestInfrastructure;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The data tier's operator resources against the topic catalogue and the services: a {@code KafkaTopic} for every
 * catalogue topic and dead-letter topic with the catalogue's partitions, retention and compaction; a
 * {@code KafkaUser} per principal with exactly the ACLs its topics need; the cluster's durability settings; a
 * MongoDB user per service on the database the service uses.
 */
class OperatorResourcesTest {

    private static final Map<Path, String> GENERATED = Map.of(
            Repository.path("deploy/kubernetes/base/operators/kafka-topics.yaml"), CatalogueResources.kafkaTopics(),
            Repository.path("deploy/kubernetes/base/operators/kafka-users.yaml"), CatalogueResources.kafkaUsers(),
            Repository.path("deploy/compose/kafka/catalogue.sh"), CatalogueResources.composeScript());

    private final Kustomization base = Kustomization.of("base");

    /** -Ddeploy.regenerate=true rewrites the generated files before any test reads them. */
    @BeforeAll
    static void regenerateWhenAsked() {
        if (Boolean.getBoolean("deploy.regenerate")) {
            GENERATED.forEach(Repository::write);
        }
    }

    @Test
    void shouldBeGeneratedFromTheCurrentCatalogue() {
        GENERATED.forEach((file, expected) -> {
            assertThat(Repository.read(file)).as(Repository.ROOT.relativize(file)
                    + " is generated from the topic catalogue; regenerate it (-Ddeploy.regenerate=true, see its header)")
                    .isEqualTo(expected);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldDeclareEveryCatalogueTopicWithItsPolicy() {
        Map<String, Map<String, Object>> declared = new TreeMap<>();
        for (GenericKubernetesResource t : base.custom("KafkaTopic")) {
            var spec = (Map<String, Object>) t.getAdditionalProperties().get("spec");
            declared.put(String.valueOf(spec.get("topicName")), spec);
        }
        Set<String> expected = new HashSet<>();
        for (Topic t : Topics.ALL) {
            expected.add(t.name());
            expected.add(t.deadLetterTopic());
            var spec = declared.get(t.name());
            assertThat(spec).as("a KafkaTopic for " + t.name()).isNotNull();
            assertThat(spec.get("partitions")).as(t.name() + " partitions").isEqualTo(t.partitions());
            assertThat(spec.get("replicas")).as(t.name() + " replicas").isEqualTo(3);
            var config = (Map<String, Object>) spec.get("config");
            assertThat(String.valueOf(config.get("cleanup.policy"))).as(t.name() + " cleanup.policy")
                    .isEqualTo(t.policy().cleanup().config());
            assertThat(String.valueOf(config.get("retention.ms"))).as(t.name() + " retention.ms")
                    .isEqualTo(Long.toString(t.policy().retentionMs()));
            assertThat(String.valueOf(config.get("min.insync.replicas"))).isEqualTo("2");
            var dlt = declared.get(t.deadLetterTopic());
            assertThat(dlt).as("a KafkaTopic for " + t.deadLetterTopic()).isNotNull();
            assertThat(dlt.get("partitions")).as("the dead letters keep the partition number").isEqualTo(t.partitions());
            assertThat(String.valueOf(((Map<String, Object>) dlt.get("config")).get("retention.ms")))
                    .isEqualTo(Long.toString(Topic.DEAD_LETTER_RETENTION.toMillis()));
        }
        assertThat(declared.keySet()).as("KafkaTopics and the catalogue").containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGrantEachPrincipalExactlyTheAclsItsTopicsNeed() {
        Map<String, Set<String>> declared = new TreeMap<>();
        for (GenericKubernetesResource u : base.custom("KafkaUser")) {
            var spec = (Map<String, Object>) u.getAdditionalProperties().get("spec");
            assertThat(((Map<String, Object>) spec.get("authentication")).get("type")).isEqualTo("scram-sha-512");
            var acls = (List<Map<String, Object>>) ((Map<String, Object>) spec.get("authorization")).get("acls");
            declared.put(u.getMetadata().getName(), acls.stream().flatMap(a -> {
                var r = (Map<String, Object>) a.get("resource");
                return ((List<String>) a.get("operations")).stream()
                        .map(op -> r.get("type") + ":" + r.get("name") + ":" + r.get("patternType") + ":" + op);
            }).collect(Collectors.toCollection(java.util.TreeSet::new)));
        }
        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(Principal.values()).map(Principal::userName).toList());
        for (Principal p : Principal.values()) {
            Set<String> expected = new java.util.TreeSet<>();
            for (Topic t : Topics.ALL) {
                if (t.writer() == p) {
                    expected.add("topic:" + t.name() + ":literal:Write");
                    expected.add("topic:" + t.name() + ":literal:Describe");
                }
                if (t.readers().contains(p)) {
                    expected.add("topic:" + t.name() + ":literal:Read");
                    expected.add("topic:" + t.name() + ":literal:Describe");
                    expected.add("topic:" + t.deadLetterTopic() + ":literal:Write");
                    expected.add("topic:" + t.deadLetterTopic() + ":literal:Describe");
                    expected.add("group:" + p.userName() + ":prefix:Read");
                }
            }
            if (p == Principal.DASHBOARD) {
                CatalogueResources.STREAMS_INTERNAL_TOPIC_OPERATIONS.forEach(op -> expected.add("topic:"
                        + CatalogueResources.DASHBOARD_STREAMS_APPLICATION_ID + "-:prefix:" + op));
            }
            assertThat(declared.get(p.userName())).as(p.userName() + "'s ACLs").isEqualTo(expected);
        }
        // each catalogue topic has one writer, and the dashboard never writes a public topic
        for (Topic t : Topics.ALL) {
            assertThat(declared.entrySet().stream().filter(e -> e.getValue().contains("topic:" + t.name()
                    + ":literal:Write")).map(Map.Entry::getKey)).as("writers of " + t.name())
                    .containsExactly(t.writer().userName());
        }
    }

    @Test
    void shouldGrantTheDashboardsStreamsTopicsUnderTheApplicationIdItRunsWith() {
        Application.load("dashboard-service").ifPresent(dashboard -> {
            String configured = dashboard.defaultValue("spring.kafka.streams.application-id");
            assertThat(configured).isEqualTo(CatalogueResources.DASHBOARD_STREAMS_APPLICATION_ID);
            assertThat(configured).as("its consumer group is covered by the dashboard's group prefix")
                    .startsWith(Principal.DASHBOARD.userName());
        });
        assertThat(CatalogueResources.DASHBOARD_STREAMS_APPLICATION_ID).startsWith(Principal.DASHBOARD.userName());
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunThreeKafkaNodesThatAcknowledgeOnTwoReplicasAndNeverElectAnUncleanLeader() {
        var kafka = base.custom("Kafka").getFirst();
        var spec = (Map<String, Object>) ((Map<String, Object>) kafka.getAdditionalProperties().get("spec")).get("kafka");
        var config = (Map<String, Object>) spec.get("config");
        assertThat(config).containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2)
                .containsEntry("unclean.leader.election.enable", false).containsEntry("auto.create.topics.enable", false);
        assertThat(String.valueOf(spec.get("version"))).as("the Kafka version the tests run (TestInfrastructure)")
                .isEqualTo(tag(TestInfrastructure.KAFKA_IMAGE));
        int nodes = base.custom("KafkaNodePool").stream()
                .mapToInt(p -> (Integer) ((Map<String, Object>) p.getAdditionalProperties().get("spec")).get("replicas"))
                .sum();
        assertThat(nodes).isEqualTo(3);
        assertThat(((Map<String, Object>) spec.get("authorization")).get("type")).isEqualTo("simple");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveEachServiceAMongoDbUserOnTheDatabaseItUses() {
        var mongo = base.custom("MongoDBCommunity").getFirst();
        var spec = (Map<String, Object>) mongo.getAdditionalProperties().get("spec");
        assertThat(spec).containsEntry("members", 3).containsEntry("type", "ReplicaSet");
        assertThat(spec.get("version")).as("the MongoDB version the tests run (TestInfrastructure)")
                .isEqualTo(tag(TestInfrastructure.MONGO_IMAGE));
        var users = (List<Map<String, Object>>) spec.get("users");
        for (Deployment d : base.all(Deployment.class)) {
            var mongoUri = d.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                    .filter(e -> e.getName().equals("MONGODB_URI")).findFirst();
            if (mongoUri.isEmpty()) {
                continue;
            }
            String service = d.getMetadata().getName();
            String database = databaseOf(Application.named(service));
            EnvVar uri = mongoUri.get();
            var user = users.stream().filter(u -> service.equals(u.get("name"))).findFirst()
                    .orElseGet(() -> fail("no MongoDB user " + service));
            assertThat(user.get("connectionStringSecretName")).as(service + " reads the operator's connection string")
                    .isEqualTo(uri.getValueFrom().getSecretKeyRef().getName());
            assertThat(uri.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("connectionString.standard");
            assertThat((List<Map<String, Object>>) user.get("roles")).as(service + "'s roles: its database only")
                    .containsExactly(Map.of("name", "readWrite", "db", database));
        }
    }

    /** The database a service uses: spring.mongodb.database's default (${MONGODB_DATABASE:case-service}). */
    static String databaseOf(Application app) {
        return app.defaultValue("spring.mongodb.database");
    }

    static String tag(String image) {
        return image.substring(image.lastIndexOf(':') + 1);
    }
}
