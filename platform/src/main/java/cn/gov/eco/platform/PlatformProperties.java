package cn.gov.eco.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Settings shared by every service ({@code platform.*}).
 *
 * @param serviceName the service's name; the CloudEvents {@code ce_source} is {@code /<serviceName>}
 * @param outbox      the collections whose documents carry an outbox, and the relay's pace
 * @param consumer    blocking retries before a record goes to {@code <topic>.dlt}
 * @param topics      how the catalogue's topics are created (replication factor 1 on the embedded default, 3 in
 *                    production with {@code min.insync.replicas} 2)
 */
@ConfigurationProperties("platform")
public record PlatformProperties(String serviceName, Outbox outbox, Consumer consumer, Topics topics,
                                 Duration healthTimeout) {

    public PlatformProperties {
        if (outbox == null) {
            outbox = new Outbox(List.of(), null, 0, 0, 0);
        }
        if (consumer == null) {
            consumer = new Consumer(0, null, 0);
        }
        if (topics == null) {
            topics = new Topics((short) 0, 0);
        }
        if (healthTimeout == null) {
            healthTimeout = Duration.ofSeconds(3);
        }
    }

    /**
     * @param maxAttempts refusals that will not pass by themselves (too large, not authorised) before the relay parks
     *                    an event (status {@code PARKED}); default 3
     */
    public record Outbox(List<String> collections, Duration pollInterval, int batchSize, int retainSent,
                         int maxAttempts) {
        public Outbox {
            maxAttempts = maxAttempts <= 0 ? 3 : maxAttempts;
            collections = collections == null ? List.of() : List.copyOf(collections);
            // the sweep for pending outboxes; writes through OutboxWriter are published at once, not at the sweep
            pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
            batchSize = batchSize <= 0 ? 200 : batchSize;
            retainSent = retainSent <= 0 ? 10 : retainSent;
        }
    }

    /**
     * @param attempts    delivery attempts before dead-lettering (RELIABILITY.md R5: within 3)
     * @param concurrency consumer threads per listener (each owns some of a topic's partitions, so per-key order
     *                    holds); default 3, half of the catalogue's 6 partitions
     */
    public record Consumer(int attempts, Duration backoff, int concurrency) {
        public Consumer {
            attempts = attempts <= 0 ? 3 : attempts;
            backoff = backoff == null ? Duration.ofMillis(200) : backoff;
            concurrency = concurrency <= 0 ? 3 : concurrency;
        }
    }

    public record Topics(short replicationFactor, int minInsyncReplicas) {
        public Topics {
            replicationFactor = replicationFactor <= 0 ? 1 : replicationFactor;
            minInsyncReplicas = minInsyncReplicas <= 0 ? 1 : minInsyncReplicas;
        }
    }
}
