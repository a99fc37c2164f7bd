package cn.gov.eco.platform.observability;

import cn.gov.eco.platform.PlatformAutoConfiguration;
import cn.gov.eco.platform.PlatformProperties;
import cn.gov.eco.platform.messaging.OutboxRelay;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.CompositeProducerListener;
import org.springframework.kafka.support.LoggingProducerListener;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The meters every service publishes at {@code /actuator/prometheus} besides Boot's own (JVM, HTTP, Kafka clients,
 * MongoDB driver): the lifecycle's counters and timers ({@link LifecycleMeters}), the outbox backlog
 * ({@link OutboxBacklog}), dead letters and consumer lag ({@link KafkaBacklog}), all tagged with the service's name
 * ({@code application}). The alert rules and the dashboard of {@code deploy/observability/} read these names.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@ConditionalOnBean(OutboxRelay.class)
public class ObservabilityAutoConfiguration {

    @Bean
    MeterFilter applicationTag(PlatformProperties platform) {
        return MeterFilter.commonTags(List.of(io.micrometer.core.instrument.Tag.of("application",
                platform.serviceName())));
    }

    @Bean
    LifecycleMeters lifecycleMeters(MeterRegistry registry, JsonMapper json, PlatformProperties platform) {
        return new LifecycleMeters(registry, json, platform.serviceName());
    }

    /** Every record the service's template publishes (outbox events and dead letters) passes the meters. */
    @Bean
    SmartInitializingSingleton lifecycleMetersOnTemplate(KafkaTemplate<String, byte[]> template, LifecycleMeters meters) {
        return () -> {
            var listener = new CompositeProducerListener<String, byte[]>(new LoggingProducerListener<>(), meters);
            template.setProducerListener(listener);
        };
    }

    /** Kafka's own client meters (kafka_producer_*, kafka_consumer_*) for the platform's factories. */
    @Bean
    SmartInitializingSingleton kafkaClientMeters(ProducerFactory<String, byte[]> producers,
                                                 ConsumerFactory<String, byte[]> consumers, MeterRegistry registry) {
        return () -> {
            producers.addListener(new MicrometerProducerListener<>(registry));
            consumers.addListener(new MicrometerConsumerListener<>(registry));
        };
    }

    @Bean
    OutboxBacklog outboxBacklog(MongoDatabase serviceDatabase, PlatformProperties platform, Clock clock,
                                MeterRegistry registry) {
        return new OutboxBacklog(serviceDatabase, platform.outbox().collections(), clock, registry);
    }

    @Bean(destroyMethod = "close")
    KafkaBacklog kafkaBacklog(KafkaProperties kafka, KafkaListenerEndpointRegistry listeners, MeterRegistry registry,
                              PlatformProperties platform) {
        return new KafkaBacklog(kafka.buildAdminProperties(), listeners, registry, platform.healthTimeout());
    }

    @Bean
    MetricsSampler metricsSampler(List<Sampled> sampled,
                                  @Value("${platform.metrics.sample-interval:10s}") Duration interval) {
        return new MetricsSampler(sampled, interval);
    }
}
