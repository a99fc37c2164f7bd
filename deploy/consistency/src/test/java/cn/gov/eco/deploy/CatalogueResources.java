package cn.gov.eco.deploy;

import cn.gov.eco.contracts.Principal;
import cn.gov.eco.contracts.Topic;
import cn.gov.eco.contracts.Topics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the topic catalogue ({@link Topics#ALL}, {@link Principal}) means for a real cluster, in one place: every topic
 * and dead-letter topic with its partitions, replication and retention policy, and every principal's ACLs. Rendered
 * as Strimzi {@code KafkaTopic} and {@code KafkaUser} resources (deploy/kubernetes/base/data) and as the compose
 * file's init script (deploy/compose/kafka/catalogue.sh); {@link OperatorResourcesTest} compares the files with
 * this rendering and rewrites them with {@code -Ddeploy.regenerate=true}.
 */
final class CatalogueResources {

    /** RF 3 and min.insync.replicas 2: a write survives one broker lost (RELIABILITY.md). */
    static final int REPLICAS = 3;
    static final int MIN_INSYNC_REPLICAS = 2;
    static final String CLUSTER = "lifecycle";

    /**
     * The dashboard is a Kafka Streams application: its repartition and changelog topics and its consumer group
     * carry its application id ({@code spring.kafka.streams.application-id} of dashboard-service), and its
     * principal may create, read and write those topics — and no other topic.
     */
    static final String DASHBOARD_STREAMS_APPLICATION_ID = "dashboard-service";
    static final Set<String> STREAMS_INTERNAL_TOPIC_OPERATIONS =
            new TreeSet<>(List.of("Create", "Describe", "DescribeConfigs", "Read", "Write"));

    static final String HEADER = """
            # GENERATED from the topic catalogue (cn.gov.eco.contracts.Topics, Principal) by deploy/consistency
            # (CatalogueResources); do not edit. After a catalogue change:
            #   ./mvnw -B -ntp -pl deploy/consistency -am verify -Dtest=OperatorResourcesTest -Ddeploy.regenerate=true
            """;

    private CatalogueResources() {
    }

    /** A topic as created on a cluster: the catalogue's topics and their dead-letter topics. */
    record TopicSpec(String name, int partitions, Map<String, String> config, String why) {
    }

    /** One ACL: a resource (topic or group, literal or prefixed) and the operations allowed on it. */
    record Acl(String resourceType, String name, String patternType, Set<String> operations) {
    }

    static List<TopicSpec> topics() {
        List<TopicSpec> specs = new ArrayList<>();
        for (Topic t : Topics.ALL) {
            var config = new LinkedHashMap<String, String>();
            config.put("cleanup.policy", t.policy().cleanup().config());
            config.put("retention.ms", Long.toString(t.policy().retentionMs()));
            config.put("min.insync.replicas", Integer.toString(MIN_INSYNC_REPLICAS));
            specs.add(new TopicSpec(t.name(), t.partitions(), config, t.policy().why()));
            var dlt = new LinkedHashMap<String, String>();
            dlt.put("cleanup.policy", Topic.Cleanup.DELETE.config());
            dlt.put("retention.ms", Long.toString(Topic.DEAD_LETTER_RETENTION.toMillis()));
            dlt.put("min.insync.replicas", Integer.toString(MIN_INSYNC_REPLICAS));
            specs.add(new TopicSpec(t.deadLetterTopic(), t.partitions(), dlt,
                    "dead letters of " + t.name() + ": kept " + Topic.DEAD_LETTER_RETENTION.toDays()
                            + " days, long enough to be seen, fixed and replayed"));
        }
        return specs;
    }

    /**
     * The ACLs a principal needs, no more: its one writer topic(s) Write; each topic it reads Read, and that topic's
     * dead-letter topic Write (the platform's DeadLetterPublishingRecoverer); Describe wherever it reads or writes;
     * its consumer groups ({@code <user>}, {@code <user>.level}, {@code dashboard-service}) by prefix; the
     * dashboard's Streams-internal topics.
     */
    static List<Acl> acls(Principal p) {
        Map<String, Set<String>> byTopic = new LinkedHashMap<>();
        for (Topic t : Topics.ALL) {
            if (t.writer() == p) {
                byTopic.computeIfAbsent(t.name(), k -> new TreeSet<>()).addAll(List.of("Describe", "Write"));
            }
            if (t.readers().contains(p)) {
                byTopic.computeIfAbsent(t.name(), k -> new TreeSet<>()).addAll(List.of("Describe", "Read"));
                byTopic.computeIfAbsent(t.deadLetterTopic(), k -> new TreeSet<>()).addAll(List.of("Describe", "Write"));
            }
        }
        List<Acl> acls = new ArrayList<>();
        byTopic.forEach((topic, ops) -> acls.add(new Acl("topic", topic, "literal", ops)));
        if (p == Principal.DASHBOARD) {
            acls.add(new Acl("topic", DASHBOARD_STREAMS_APPLICATION_ID + "-", "prefix",
                    STREAMS_INTERNAL_TOPIC_OPERATIONS));
        }
        if (Topics.ALL.stream().anyMatch(t -> t.readers().contains(p))) {
            acls.add(new Acl("group", p.userName(), "prefix", new TreeSet<>(List.of("Read"))));
        }
        return acls;
    }

    static String kafkaTopics() {
        var out = new StringBuilder(HEADER);
        out.append("# Strimzi KafkaTopic per catalogue topic and dead-letter topic: partitions, replication and the\n")
                .append("# retention policy chosen from what the topic's readers need (Topic.Policy).\n");
        for (TopicSpec t : topics()) {
            out.append("---\n")
                    .append("# ").append(t.why()).append('\n')
                    .append(strimzi("KafkaTopic", t.name()))
                    .append("  topicName: ").append(t.name()).append('\n')
                    .append("  partitions: ").append(t.partitions()).append('\n')
                    .append("  replicas: ").append(REPLICAS).append('\n')
                    .append("  config:\n");
            t.config().forEach((k, v) -> out.append("    ").append(k).append(": \"").append(v).append("\"\n"));
        }
        return out.toString();
    }

    static String kafkaUsers() {
        var out = new StringBuilder(HEADER);
        out.append("# Strimzi KafkaUser per principal: SCRAM-SHA-512 credentials (the User Operator writes them to a\n")
                .append("# Secret of the user's name, key sasl.jaas.config) and exactly the ACLs its topics need.\n");
        for (Principal p : Principal.values()) {
            out.append("---\n")
                    .append(strimzi("KafkaUser", p.userName()))
                    .append("  authentication:\n")
                    .append("    type: scram-sha-512\n")
                    .append("  authorization:\n")
                    .append("    type: simple\n")
                    .append("    acls:\n");
            for (Acl a : acls(p)) {
                out.append("      - resource:\n")
                        .append("          type: ").append(a.resourceType()).append('\n')
                        .append("          name: ").append(a.name()).append('\n')
                        .append("          patternType: ").append(a.patternType()).append('\n')
                        .append("        operations: [").append(String.join(", ", a.operations())).append("]\n");
            }
        }
        return out.toString();
    }

    /** A Strimzi resource of the cluster, up to its {@code spec:} line. */
    private static String strimzi(String kind, String name) {
        return "apiVersion: kafka.strimzi.io/v1beta2\n"
                + "kind: " + kind + "\n"
                + "metadata:\n"
                + "  name: " + name + "\n"
                + "  labels:\n"
                + "    strimzi.io/cluster: " + CLUSTER + "\n"
                + "spec:\n";
    }

    /** The compose file's kafka-init runs this (sourced by kafka-init.sh, which defines user, topic and acl). */
    static String composeScript() {
        var out = new StringBuilder("#!/usr/bin/env bash\n").append(HEADER);
        out.append("# Sourced by kafka-init.sh: principals (SCRAM users), topics with their policy, ACLs.\n\n");
        for (Principal p : Principal.values()) {
            out.append("user ").append(p.userName()).append('\n');
        }
        out.append('\n');
        for (TopicSpec t : topics()) {
            out.append("topic ").append(t.name()).append(' ').append(t.partitions()).append(' ').append(REPLICAS);
            t.config().forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
            out.append('\n');
        }
        out.append('\n');
        for (Principal p : Principal.values()) {
            for (Acl a : acls(p)) {
                out.append("acl ").append(p.userName()).append(' ').append(a.resourceType()).append(' ')
                        .append(a.name()).append(' ').append(a.patternType().equals("prefix") ? "prefixed" : "literal")
                        .append(' ').append(String.join(",", a.operations())).append('\n');
            }
        }
        return out.toString();
    }
}
