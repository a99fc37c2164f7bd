package cn.gov.eco.platform;

import cn.gov.eco.contracts.Topic;
import cn.gov.eco.contracts.Topics;
import cn.gov.eco.platform.calendar.WorkingDayCalendar;
import cn.gov.eco.platform.health.KafkaHealthIndicator;
import cn.gov.eco.platform.health.MongoPingHealthIndicator;
import cn.gov.eco.platform.publicity.PublicityClassifier;
import cn.gov.eco.platform.publicity.PublicityPeriods;
import cn.gov.eco.platform.publicity.PublicityProperties;
import cn.gov.eco.platform.messaging.EventRaiser;
import cn.gov.eco.platform.messaging.EventSchemas;
import cn.gov.eco.platform.messaging.InboundEvents;
import cn.gov.eco.platform.messaging.OutboxRelay;
import cn.gov.eco.platform.messaging.OutboxWriter;
import cn.gov.eco.platform.messaging.PoisonRecordException;
import cn.gov.eco.platform.web.OpenApiDocumentation;
import cn.gov.eco.platform.web.ProblemHandler;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every service gets from the platform: the Kafka clients for CloudEvents records, the catalogue's topics and
 * their dead-letter topics, blocking retries then dead-lettering, the outbox relay, the event raiser with schema
 * validation, Kafka readiness health, problem+json errors and trace propagation.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableKafka
@EnableConfigurationProperties({PlatformProperties.class, KafkaProperties.class, PublicityProperties.class})
@Import(ProblemHandler.class)
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean(name = "idSupplier")
    Supplier<UUID> idSupplier() {
        return UUID::randomUUID;
    }

    /**
     * The State Council working-day calendar as versioned data (DOMAIN.md §8.4), one instance per service: official
     * years approved at run time are loaded into it, provisional years fill every other year (DOMAIN §0.2).
     */
    @Bean
    @ConditionalOnMissingBean
    WorkingDayCalendar workingDayCalendar() {
        return WorkingDayCalendar.fromClasspath(WorkingDayCalendar.STATE_COUNCIL_RESOURCE);
    }

    /**
     * Publicity periods by rule set (Order 58 / Order 36), from {@code platform.publicity.rule-sets} (the DOMAIN.md
     * defaults when none is configured). Whether minor-tier information is published is a setting
     * ({@code platform.publicity.publish-minor-tier}, default false: Order 36 原则上不予公示).
     */
    @Bean
    @ConditionalOnMissingBean
    PublicityPeriods publicityPeriods(WorkingDayCalendar calendar, PublicityProperties publicity) {
        return new PublicityPeriods(calendar, publicity.dateRules(), publicity.publishMinorTier());
    }

    /** The one publicity classification (tier, periods, rule set, non-repairable), from {@code platform.publicity}. */
    @Bean
    @ConditionalOnMissingBean
    PublicityClassifier publicityClassifier(PublicityPeriods periods, PublicityProperties publicity) {
        return new PublicityClassifier(periods, publicity.classificationRules(), publicity.publishMinorTier());
    }

    @Bean
    MongoDatabase serviceDatabase(MongoClient client, MongoProperties mongo, PlatformProperties platform) {
        String name = mongo.getDatabase() != null ? mongo.getDatabase() : platform.serviceName();
        return client.getDatabase(name);
    }

    @Bean
    EventSchemas eventSchemas() {
        return new EventSchemas();
    }

    @Bean
    EventRaiser eventRaiser(JsonMapper json, EventSchemas schemas, Clock clock, Supplier<UUID> idSupplier) {
        return new EventRaiser(json, schemas, clock, idSupplier);
    }

    @Bean
    InboundEvents inboundEvents(JsonMapper json) {
        return new InboundEvents(json);
    }

    @Bean
    ProducerFactory<String, byte[]> kafkaProducerFactory(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // Nothing is lost: every acknowledged record is on all in-sync replicas, and retries never duplicate or reorder.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new DefaultKafkaProducerFactory<>(props);
    }

    @Bean
    KafkaTemplate<String, byte[]> kafkaTemplate(ProducerFactory<String, byte[]> factory) {
        return new KafkaTemplate<>(factory);
    }

    @Bean
    ConsumerFactory<String, byte[]> kafkaConsumerFactory(KafkaProperties kafka) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new DefaultKafkaConsumerFactory<>(props);
    }

    /**
     * Blocking retries, then {@code <topic>.dlt} on the same partition number, with the original topic, partition,
     * offset and exception in the {@code kafka_dlt-*} headers; later records keep flowing. Lifecycle topics never use
     * non-blocking retry topics, which would break per-key order (ARCHITECTURE.md).
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template, PlatformProperties platform) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(record.topic() + ".dlt", record.partition()));
        var handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(platform.consumer().backoff().toMillis(), platform.consumer().attempts() - 1L));
        handler.addNotRetryableExceptions(PoisonRecordException.class);
        return handler;
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
            ConsumerFactory<String, byte[]> consumerFactory, DefaultErrorHandler errorHandler,
            PlatformProperties platform) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(consumerFactory);
        // one consumer thread per partition group: a listener blocked on MongoDB or rendering no longer holds
        // back the other partitions (6 per topic)
        factory.setConcurrency(platform.consumer().concurrency());
        factory.setCommonErrorHandler(errorHandler);
        // each record is handled in a span continuing its traceparent (Micrometer Tracing): one trace id from the
        // request that raised the event to every consumer's work and log lines
        factory.getContainerProperties().setObservationEnabled(true);
        return factory;
    }

    /** The catalogue's topics and their dead-letter topics, created at start if missing. */
    @Bean
    KafkaAdmin.NewTopics catalogueTopics(PlatformProperties platform) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic t : Topics.ALL) {
            var builder = TopicBuilder.name(t.name()).partitions(t.partitions())
                    .replicas(platform.topics().replicationFactor())
                    .config("min.insync.replicas", Integer.toString(platform.topics().minInsyncReplicas()))
                    .config("cleanup.policy", t.policy().cleanup().config())
                    .config("retention.ms", Long.toString(t.policy().retentionMs()));
            topics.add(builder.build());
            topics.add(TopicBuilder.name(t.deadLetterTopic()).partitions(t.partitions())
                    .replicas(platform.topics().replicationFactor())
                    .config("retention.ms", Long.toString(Topic.DEAD_LETTER_RETENTION.toMillis())).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    OutboxRelay outboxRelay(MongoDatabase serviceDatabase, PlatformProperties platform,
                            KafkaTemplate<String, byte[]> template, Clock clock) {
        var o = platform.outbox();
        return new OutboxRelay(serviceDatabase, o.collections(), template, URI.create("/" + platform.serviceName()),
                clock, o.pollInterval(), o.batchSize(), o.retainSent());
    }

    /**
     * Every service loads the official calendar years approved at run time from {@code calendar.v1}, replayed from
     * its first offset at each start (switch: {@code platform.calendar.feed.enabled}).
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "platform.calendar.feed.enabled",
            matchIfMissing = true)
    cn.gov.eco.platform.calendar.feed.CalendarFeedListener calendarFeedListener(WorkingDayCalendar calendar,
            InboundEvents events, org.springframework.context.ApplicationEventPublisher publisher) {
        return new cn.gov.eco.platform.calendar.feed.CalendarFeedListener(calendar, events, publisher);
    }

    @Bean
    OutboxWriter outboxWriter(EventRaiser eventRaiser, OutboxRelay outboxRelay) {
        return new OutboxWriter(eventRaiser, outboxRelay);
    }

    /** Named {@code kafka}, so {@code management.endpoint.health.group.readiness.include} can name it. */
    @Bean(name = "kafkaHealthIndicator", destroyMethod = "close")
    KafkaHealthIndicator kafka(KafkaProperties kafka, PlatformProperties platform) {
        return new KafkaHealthIndicator(kafka.buildAdminProperties(), platform.healthTimeout().toMillis());
    }

    /** Named {@code mongo}; Boot's own Mongo indicator is switched off in each service's configuration. */
    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoDatabase serviceDatabase) {
        return new MongoPingHealthIndicator(serviceDatabase);
    }

    /**
     * The served OpenAPI document's title, version, gateway server, bearer scheme and problem+json answers
     * ({@code platform.openapi.*}; the gateway's address as clients reach it by default that of ./start).
     */
    @Bean
    @ConditionalOnMissingBean
    OpenApiDocumentation openApiDocumentation(PlatformProperties platform,
                                              @Value("${platform.openapi.title:}") String title,
                                              @Value("${platform.openapi.version:1.0.0}") String version,
                                              @Value("${platform.openapi.gateway-url:http://localhost:8080}") String gatewayUrl) {
        return new OpenApiDocumentation(platform.serviceName(),
                title.isBlank() ? platform.serviceName() + " API" : title, version, gatewayUrl);
    }
}
