package cn.gov.eco.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running in this JVM from the
 * {@code kafka_2.13} jars: the same code as a production broker, not a mock.
 *
 * <p>The log directory persists across restarts. It is formatted with Kafka's own storage tool
 * ({@code kafka.tools.StorageTool format}, a random cluster id recorded in {@code meta.properties}) only when it
 * is not formatted yet. The quorum is static ({@code controller.quorum.voters}), so the ports may differ from one
 * start to the next on the same directory.
 *
 * <p>Settings are those of a one-node development cluster: internal topics with replication factor 1 and min ISR
 * 1, no initial rebalance delay, no automatic topic creation (services create their topics at start), few
 * threads and small buffers.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    public static final int DEFAULT_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    private static final int NODE_ID = 1;

    private final Path dataDir;
    private final String host;
    private final int requestedPort;
    private final int requestedControllerPort;
    private final Map<String, String> overrides;
    private final int nodeId;
    private final String clusterId;
    private final String quorumVoters;

    private KafkaRaftServer server;
    private int port;
    private int controllerPort;

    private KafkaBroker(Builder builder) {
        this.dataDir = builder.dataDir.toAbsolutePath();
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.requestedControllerPort = builder.controllerPort;
        this.overrides = Map.copyOf(builder.overrides);
        this.nodeId = builder.nodeId;
        this.clusterId = builder.clusterId;
        this.quorumVoters = builder.quorumVoters;
    }

    /** A broker keeping its data in {@code dataDir}, on the default ports 9092 (clients) and 9093 (controller). */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** Formats the log directory if needed and starts the broker; returns once it accepts clients. */
    public synchronized KafkaBroker start() {
        if (server != null) {
            throw new IllegalStateException("Kafka broker already started on " + bootstrapServers());
        }
        long t0 = System.nanoTime();
        port = requestedPort == 0 ? freePort(host) : requestedPort;
        controllerPort = requestedControllerPort == 0 ? freePort(host) : requestedControllerPort;
        Properties props = serverProperties();
        try {
            Files.createDirectories(logDir());
            formatIfNeeded(props);
            KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            try {
                raftServer.startup();
            } catch (RuntimeException e) {
                raftServer.shutdown();
                raftServer.awaitShutdown();
                throw e;
            }
            server = raftServer;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the Kafka log directory " + logDir(), e);
        }
        log.info("Kafka broker started on {} (controller {}:{}, data {}) in {} ms", bootstrapServers(), host,
                controllerPort, dataDir, Duration.ofNanos(System.nanoTime() - t0).toMillis());
        return this;
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}. */
    public synchronized String bootstrapServers() {
        if (server == null) {
            throw new IllegalStateException("Kafka broker not started");
        }
        return host + ":" + port;
    }

    public synchronized int port() {
        return port;
    }

    public synchronized int controllerPort() {
        return controllerPort;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The cluster id recorded when the log directory was formatted, or null if it is not formatted yet. */
    public String clusterId() {
        Path meta = logDir().resolve("meta.properties");
        if (!Files.exists(meta)) {
            return null;
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(meta)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("cluster.id");
    }

    /** Controlled shutdown: the broker leaves the cluster cleanly, then the controller stops; logs are flushed. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
        log.info("Kafka broker stopped in {} ms", Duration.ofNanos(System.nanoTime() - t0).toMillis());
    }

    private Path logDir() {
        return dataDir.resolve("logs");
    }

    private Properties serverProperties() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("process.roles", "broker,controller");
        c.put("node.id", Integer.toString(nodeId));
        c.put("controller.quorum.voters", quorumVoters != null ? quorumVoters : nodeId + "@" + host + ":" + controllerPort);
        c.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        c.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        c.put("controller.listener.names", "CONTROLLER");
        c.put("inter.broker.listener.name", "PLAINTEXT");
        c.put("log.dirs", logDir().toString());
        // one node
        c.put("offsets.topic.replication.factor", "1");
        c.put("offsets.topic.num.partitions", "10");
        c.put("transaction.state.log.replication.factor", "1");
        c.put("transaction.state.log.min.isr", "1");
        c.put("transaction.state.log.num.partitions", "10");
        c.put("share.coordinator.state.topic.replication.factor", "1");
        c.put("share.coordinator.state.topic.min.isr", "1");
        c.put("default.replication.factor", "1");
        c.put("min.insync.replicas", "1");
        c.put("group.initial.rebalance.delay.ms", "0");
        c.put("auto.create.topics.enable", "false");
        // small and heap-friendly
        c.put("num.network.threads", "2");
        c.put("num.io.threads", "4");
        c.put("background.threads", "4");
        c.put("num.recovery.threads.per.data.dir", "1");
        c.put("num.replica.fetchers", "1");
        c.put("log.cleaner.threads", "1");
        c.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        c.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        // nothing expires by default, as the catalogue's event logs (Topic.Policy): a topic created without the
        // catalogue's configuration keeps its records until the services apply the policy at their next start
        c.put("log.retention.ms", "-1");
        c.put("queued.max.requests", "200");
        c.putAll(overrides);
        Properties props = new Properties();
        props.putAll(c);
        return props;
    }

    private void formatIfNeeded(Properties props) throws IOException {
        if (Files.exists(logDir().resolve("meta.properties"))) {
            log.debug("Kafka log directory {} already formatted (cluster {})", logDir(), clusterId());
            return;
        }
        Path config = dataDir.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            props.store(w, "Written by " + KafkaBroker.class.getName() + " to format the log directory");
        }
        String clusterId = this.clusterId != null ? this.clusterId : Uuid.randomUuid().toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            rc = StorageTool$.MODULE$.execute(
                    new String[] {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"}, ps);
        }
        String output = out.toString(StandardCharsets.UTF_8).strip();
        if (rc != 0) {
            throw new IllegalStateException("Formatting the Kafka log directory " + logDir() + " failed (" + rc + "): " + output);
        }
        log.info("Formatted Kafka log directory {} with cluster id {}", logDir(), clusterId);
        log.debug("{}", output);
    }

    private static int freePort(String host) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + host, e);
        }
    }

    public static final class Builder {
        private final Path dataDir;
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private int controllerPort = DEFAULT_CONTROLLER_PORT;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private int nodeId = NODE_ID;
        private String clusterId;
        private String quorumVoters;

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /** The address the listeners bind to and the broker advertises; 127.0.0.1 by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The client port; 0 picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The controller port; 0 picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /**
         * One node of a multi-node KRaft cluster (every node a broker and a controller): its id, the cluster id all
         * nodes are formatted with, and the static quorum ({@code id@host:controllerPort,...}). Replication settings
         * (e.g. {@code default.replication.factor}, {@code min.insync.replicas}, the internal topics') go through
         * {@link #config}.
         */
        public Builder clusterNode(int nodeId, String clusterId, String quorumVoters) {
            this.nodeId = nodeId;
            this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
            this.quorumVoters = Objects.requireNonNull(quorumVoters, "quorumVoters");
            return this;
        }

        /** Any broker setting, applied last. */
        public Builder config(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public KafkaBroker build() {
            return new KafkaBroker(this);
        }
    }
}
