package cn.gov.eco.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;

/**
 * The infrastructure every integration test runs against, started once per JVM and shared by the test classes:
 * <ul>
 *   <li>{@code testcontainers}: real MongoDB (a replica set) and a pinned Kafka image, where a Docker engine
 *   answers;</li>
 *   <li>{@code embedded}: a real Kafka broker (KRaft) in this JVM and the MongoDB wire-protocol server
 *   (mongo-java-server) — the embedded default, for machines without Docker.</li>
 * </ul>
 * Chosen by the system property {@code infra} ({@code -Dinfra=embedded|testcontainers|auto}, default {@code auto}:
 * Testcontainers when Docker answers, embedded otherwise). The same test classes run on both.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    public static final String KAFKA_IMAGE = "apache/kafka:4.2.1";
    public static final String MONGO_IMAGE = "mongo:8.0.4";

    private static volatile TestInfrastructure instance;

    private final String mode;
    private final String kafkaBootstrapServers;
    private final String mongoUri;

    private TestInfrastructure(String mode, String kafka, String mongo) {
        this.mode = mode;
        this.kafkaBootstrapServers = kafka;
        this.mongoUri = mongo;
    }

    public static TestInfrastructure get() {
        TestInfrastructure i = instance;
        if (i == null) {
            synchronized (TestInfrastructure.class) {
                i = instance;
                if (i == null) {
                    i = start();
                    instance = i;
                }
            }
        }
        return i;
    }

    /** Points a Spring test context at the shared infrastructure, with a database of its own. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        TestInfrastructure i = get();
        registry.add("spring.kafka.bootstrap-servers", i::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", i::mongoUri);
        registry.add("spring.mongodb.database", () -> database);
    }

    public String mode() {
        return mode;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String mongoUri() {
        return mongoUri;
    }

    private static TestInfrastructure start() {
        String wanted = System.getProperty("infra", "auto").trim().toLowerCase(Locale.ROOT);
        boolean containers = switch (wanted) {
            case "testcontainers" -> true;
            case "embedded" -> false;
            default -> dockerAvailable();
        };
        TestInfrastructure i = containers ? startContainers() : startEmbedded();
        log.info("integration-test infrastructure: {} (kafka {}, mongodb {})", i.mode, i.kafkaBootstrapServers,
                i.mongoUri);
        return i;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    private static TestInfrastructure startContainers() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE); // a single-node replica set
        kafka.start();
        mongo.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            mongo.stop();
        }));
        return new TestInfrastructure("testcontainers", kafka.getBootstrapServers(), mongo.getConnectionString());
    }

    private static TestInfrastructure startEmbedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "5"));
        broker.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            broker.destroy();
        }));
        return new TestInfrastructure("embedded", broker.getBrokersAsString(),
                "mongodb://127.0.0.1:" + address.getPort());
    }
}
