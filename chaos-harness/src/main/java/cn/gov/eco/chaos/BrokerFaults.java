package cn.gov.eco.chaos;

import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import cn.gov.eco.embedded.KafkaClusterNode;
import cn.gov.eco.launcher.ProcessSupervisor;

/**
 * R8 (broker faults), on demand ({@code ./chaos --brokers}): a three-broker KRaft cluster from the Kafka jars on
 * loopback, each broker its own process ({@link KafkaClusterNode}; replication factor 3, min ISR 2, no unclean
 * leader election). A producer with the services' settings (acks=all, idempotent) writes records with unique ids
 * while the leader of partition 0 is killed with SIGKILL {@code kills} times, each time started again and awaited
 * back in the in-sync replicas. Passes when every acknowledged id is read back.
 */
final class BrokerFaults {

    private final Path dataDir;
    private final int kills;
    private final ChaosRun log;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final int[] clientPorts = new int[3];
    private final int[] controllerPorts = new int[3];
    private final String clusterId = Uuid.randomUuid().toString();
    private final Map<Integer, ProcessSupervisor.Child> nodes = new ConcurrentHashMap<>();
    private ProcessSupervisor supervisor;
    private String voters;

    BrokerFaults(Path dataDir, int kills, ChaosRun log) {
        this.dataDir = dataDir;
        this.kills = kills;
        this.log = log;
    }

    /** Violations (empty = pass); figures into {@code figures}. */
    List<String> run(Map<String, Object> figures) throws Exception {
        List<String> v = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clientPorts[i] = ChaosStack.freePort();
            controllerPorts[i] = ChaosStack.freePort();
        }
        List<String> vs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            vs.add((i + 1) + "@127.0.0.1:" + controllerPorts[i]);
        }
        voters = String.join(",", vs);
        String bootstrap = "127.0.0.1:" + clientPorts[0] + ",127.0.0.1:" + clientPorts[1] + ",127.0.0.1:" + clientPorts[2];
        Files.createDirectories(dataDir);
        try (PrintStream nodeLog = new PrintStream(Files.newOutputStream(dataDir.resolve("brokers.log")), true,
                StandardCharsets.UTF_8)) {
            supervisor = new ProcessSupervisor(nodeLog, nodeLog, Duration.ofSeconds(30));
            try {
                for (int id = 1; id <= 3; id++) {
                    startNode(id);
                }
                String topic = "chaos.r8";
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                    awaitBrokers(admin, 3, Duration.ofMinutes(3));
                    log.say("R8: three brokers up on %s", bootstrap);
                    admin.createTopics(List.of(new NewTopic(topic, 6, (short) 3)
                            .configs(Map.of("min.insync.replicas", "2")))).all().get(60, TimeUnit.SECONDS);
                    awaitFullIsr(admin, topic, Duration.ofMinutes(2));

                    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
                    AtomicLong failed = new AtomicLong();
                    AtomicBoolean producing = new AtomicBoolean(true);
                    Thread producer = Thread.ofPlatform().name("r8-producer").start(() ->
                            produce(bootstrap, topic, producing, acknowledged, failed));
                    for (int k = 0; k < kills; k++) {
                        Thread.sleep(2000);
                        int leader = leaderOf(admin, topic, 0);
                        long before = acknowledged.size();
                        supervisor.stop(nodes.remove(leader), true);
                        long killedAt = System.nanoTime();
                        // the controller fences the dead broker (session timeout) and elects another leader
                        int newLeader = awaitNewLeader(admin, topic, 0, leader, Duration.ofMinutes(2));
                        double failover = (System.nanoTime() - killedAt) / 1e9;
                        Thread.sleep(2000); // the producer goes on with two of three replicas
                        long during = acknowledged.size() - before;
                        startNode(leader);
                        awaitFullIsr(admin, topic, Duration.ofMinutes(3));
                        String f = String.format("SIGKILL broker %d (leader of %s-0) with %d acknowledged; broker %d"
                                + " leads after %.1f s; %d more acknowledged while it was down; back in sync",
                                leader, topic, before, newLeader, failover, during);
                        faults.add(f);
                        log.say("R8: %s", f);
                    }
                    Thread.sleep(2000);
                    producing.set(false);
                    producer.join(60_000);
                    Set<String> consumed = consume(bootstrap, topic);
                    Set<String> lost = new HashSet<>(acknowledged);
                    lost.removeAll(consumed);
                    figures.put("r8Acknowledged", acknowledged.size());
                    figures.put("r8Consumed", consumed.size());
                    figures.put("r8SendsFailedNotAcknowledged", failed.get());
                    figures.put("r8Lost", lost.size());
                    figures.put("r8Faults", faults);
                    if (!lost.isEmpty()) {
                        v.add("R8: " + lost.size() + " acknowledged record(s) lost, e.g. "
                                + Invariants.first(lost.stream().sorted().toList()));
                    }
                    if (acknowledged.isEmpty()) {
                        v.add("R8: nothing was acknowledged");
                    }
                }
            } finally {
                supervisor.close();
            }
        }
        return v;
    }

    private void startNode(int id) {
        int i = id - 1;
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC"));
        String cp = System.getProperty("java.class.path");
        List<String> args = List.of(dataDir.resolve("broker-" + id).toString(), Integer.toString(id),
                Integer.toString(clientPorts[i]), Integer.toString(controllerPorts[i]), clusterId, voters);
        if (cp.endsWith("-exec.jar") && !cp.contains(File.pathSeparator)) {
            // the harness runs from its Spring Boot executable jar: its launcher can start another main class
            cp = Path.of(cp).toAbsolutePath().toString();
            command.addAll(List.of("-cp", cp, "-Dloader.main=" + KafkaClusterNode.class.getName(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        } else {
            List<String> absolute = new ArrayList<>();
            for (String entry : cp.split(File.pathSeparator)) {
                absolute.add(Path.of(entry).toAbsolutePath().toString());
            }
            command.addAll(List.of("-cp", String.join(File.pathSeparator, absolute), KafkaClusterNode.class.getName()));
        }
        command.addAll(args);
        nodes.put(id, supervisor.start("broker-" + id, command, Map.of(), dataDir, null));
    }

    private static void produce(String bootstrap, String topic, AtomicBoolean producing, Set<String> acknowledged,
                                AtomicLong failed) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            long n = 0;
            while (producing.get()) {
                String id = "r8-" + (n++);
                producer.send(new ProducerRecord<>(topic, id, id), (meta, err) -> {
                    if (err == null) {
                        acknowledged.add(id);
                    } else {
                        failed.incrementAndGet();
                    }
                });
                if (n % 50 == 0) {
                    try {
                        Thread.sleep(10); // ~5,000 records/s offered at most
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            producer.flush();
        }
    }

    private static Set<String> consume(String bootstrap, String topic) {
        Set<String> out = new HashSet<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            c.partitionsFor(topic).forEach(pi -> parts.add(new TopicPartition(topic, pi.partition())));
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = new LinkedHashMap<>(c.endOffsets(parts));
            end.values().removeIf(x -> x == 0);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!end.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    out.add(r.value());
                }
                end.entrySet().removeIf(e -> c.position(e.getKey()) >= e.getValue());
            }
        }
        return out;
    }

    private static int leaderOf(Admin admin, String topic, int partition) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        return d.partitions().get(partition).leader().id();
    }

    private static int awaitNewLeader(Admin admin, String topic, int partition, int old, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS)
                        .get(topic);
                var p = d.partitions().get(partition);
                if (p.leader() != null && p.leader().id() != old && p.isr().stream().noneMatch(n -> n.id() == old)) {
                    return p.leader().id();
                }
            } catch (Exception e) {
                // metadata unavailable for a moment
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no new leader for " + topic + "-" + partition + " after " + timeout);
    }

    private static void awaitBrokers(Admin admin, int n, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= n) {
                    return;
                }
            } catch (Exception e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("fewer than " + n + " brokers after " + timeout);
    }

    private static void awaitFullIsr(Admin admin, String topic, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS)
                        .get(topic);
                if (d.partitions().stream().allMatch(p -> p.isr().size() == 3 && p.leader() != null)) {
                    return;
                }
            } catch (Exception e) {
                // a broker is still coming back
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(topic + " not fully in sync after " + timeout);
    }
}
