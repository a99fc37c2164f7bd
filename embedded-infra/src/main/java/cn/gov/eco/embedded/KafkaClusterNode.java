package cn.gov.eco.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * One node of a three-broker KRaft cluster on loopback, in a process of its own so that it can be killed (the chaos
 * harness's broker faults, RELIABILITY.md R8). Replication factor 3 and min ISR 2 for the topics it creates and for
 * the internal ones.
 *
 * <pre>java ... cn.gov.eco.embedded.KafkaClusterNode DATA_DIR NODE_ID CLIENT_PORT CONTROLLER_PORT CLUSTER_ID VOTERS</pre>
 * VOTERS is {@code 1@127.0.0.1:c1,2@127.0.0.1:c2,3@127.0.0.1:c3}. Runs until SIGTERM (controlled shutdown).
 */
public final class KafkaClusterNode {

    private KafkaClusterNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 6) {
            System.err.println("usage: KafkaClusterNode DATA_DIR NODE_ID CLIENT_PORT CONTROLLER_PORT CLUSTER_ID VOTERS");
            System.exit(2);
        }
        KafkaBroker broker = KafkaBroker.builder(Path.of(args[0]))
                .port(Integer.parseInt(args[2])).controllerPort(Integer.parseInt(args[3]))
                .clusterNode(Integer.parseInt(args[1]), args[4], args[5])
                .config("default.replication.factor", "3")
                .config("min.insync.replicas", "2")
                .config("offsets.topic.replication.factor", "3")
                .config("transaction.state.log.replication.factor", "3")
                .config("transaction.state.log.min.isr", "2")
                .config("share.coordinator.state.topic.replication.factor", "3")
                .config("share.coordinator.state.topic.min.isr", "2")
                .config("unclean.leader.election.enable", "false")
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-node-shutdown"));
        broker.start();
        System.out.println("KAFKA NODE " + args[1] + " READY " + broker.bootstrapServers());
        stopped.await();
    }
}
