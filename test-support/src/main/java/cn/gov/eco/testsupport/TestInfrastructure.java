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
import java.util.Map;

/**
 * The infrastructure every integration test runs against, started once per JVM and shared by the test classes:
 * <ul>
 *   <li>{@code testcontainers}: real MongoDB started as a replica set ({@code withReplicaSet()}: transactions,
 *   majority writes, change streams as in production) and Kafka in KRaft mode (the apache/kafka image), where a
 *   Docker engine answers; the applications the tests start get them by {@code @ServiceConnection}
 *   ({@link ServiceConnections});</li>
 *   <li>{@code embedded}: a real Kafka broker (KRaft) in this JVM and the MongoDB wire-protocol server
 *   (mongo-java-server) — the embedded default, for machines without Docker.</li>
 * </ul>
 * Chosen by the system property {@code infra} ({@link InfrastructureSelection}: {@code auto} by default —
 * Testcontainers when Docker answers, embedded otherwise; the CI profile {@code -Ptestcontainers} forces
 * containers). The same test classes run on both; the log says which one ran.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    public static final String KAFKA_IMAGE = "apache/kafka:4.2.1";
    public static final String MONGO_IMAGE = "mongo:8.0.4";

    private static volatile TestInfrastructure instance;

    private final InfrastructureSelection.Mode mode;
    private final String kafkaBootstrapServers;
    private final String mongoUri;
    private final KafkaContainer kafkaContainer;
    private final MongoDBContainer mongoContainer;

    private TestInfrastructure(InfrastructureSelection.Mode mode, String kafka, String mongo,
                               KafkaContainer kafkaContainer, MongoDBContainer mongoContainer) {
        this.mode = mode;
        this.kafkaBootstrapServers = kafka;
        this.mongoUri = mongo;
        this.kafkaContainer = kafkaContainer;
        this.mongoContainer = mongoContainer;
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
        return mode.label();
    }

    /** Whether the shared infrastructure has been started, on containers (without starting it). */
    static boolean runsOnContainers() {
        TestInfrastructure i = instance;
        return i != null && i.mode == InfrastructureSelection.Mode.TESTCONTAINERS;
    }

    KafkaContainer kafkaContainer() {
        if (kafkaContainer == null) {
            throw new IllegalStateException("the tests run on the embedded default, not on containers");
        }
        return kafkaContainer;
    }

    MongoDBContainer mongoContainer() {
        if (mongoContainer == null) {
            throw new IllegalStateException("the tests run on the embedded default, not on containers");
        }
        return mongoContainer;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String mongoUri() {
        return mongoUri;
    }

    private static TestInfrastructure start() {
        String wanted = System.getProperty("infra", "auto");
        var mode = InfrastructureSelection.select(wanted, TestInfrastructure::dockerAvailable);
        TestInfrastructure i = mode == InfrastructureSelection.Mode.TESTCONTAINERS ? startContainers() : startEmbedded();
        log.info("integration-test infrastructure: {} (infra={}; kafka {}, mongodb {})", i.mode(), wanted,
                i.kafkaBootstrapServers, i.mongoUri);
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
        // apache/kafka runs KRaft (combined broker and controller); no topic is created automatically, as in production
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        // a replica set (rs0 of one member): what the services' transactions and majority writes need
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE).withReplicaSet();
        kafka.start();
        mongo.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            mongo.stop();
        }));
        return new TestInfrastructure(InfrastructureSelection.Mode.TESTCONTAINERS, kafka.getBootstrapServers(),
                mongoUri(mongo.getReplicaSetUrl()), kafka, mongo);
    }

    /**
     * The replica-set URL without its database path: each test names its own database (spring.mongodb.database,
     * MongoClient#getDatabase), as with the embedded server's URI.
     */
    static String mongoUri(String replicaSetUrl) {
        return replicaSetUrl.replaceFirst("(mongodb://[^/?]+)/[^?]*", "$1/");
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
        return new TestInfrastructure(InfrastructureSelection.Mode.EMBEDDED, broker.getBrokersAsString(),
                "mongodb://127.0.0.1:" + address.getPort(), null, null);
    }
}
