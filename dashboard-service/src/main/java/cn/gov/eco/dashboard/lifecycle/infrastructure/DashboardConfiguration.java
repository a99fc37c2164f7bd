package cn.gov.eco.dashboard.lifecycle.infrastructure;

import cn.gov.eco.dashboard.lifecycle.application.DashboardQueries;
import cn.gov.eco.platform.security.TokenExemptPath;
import cn.gov.eco.platform.web.ProblemHandler;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * The Kafka Streams application (its settings, security included, from {@code spring.kafka.*} and
 * {@code spring.kafka.streams.*}, so the same code runs with and without SASL), the topology, the interactive
 * queries, and the page's static files, which carry no data and are served without a token.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@org.springframework.scheduling.annotation.EnableScheduling
@Import(ProblemHandler.class)
public class DashboardConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DashboardConfiguration.class);

    /** The JSON of the state stores and the repartition topic: tolerant of fields added later. */
    static JsonMapper storeJson() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** The system clock, unless a test brings its own (the walkthrough's fixed day). */
    @Bean
    @Fallback
    Clock systemClock() {
        return Clock.systemUTC();
    }

    @Bean
    DashboardActivity dashboardActivity() {
        return new DashboardActivity();
    }

    /** Registers the topology on Spring's StreamsBuilder; the factory bean starts and stops KafkaStreams. */
    @Bean
    LifecycleTopologyMarker lifecycleTopology(StreamsBuilder builder, DashboardActivity activity) {
        LifecycleTopology.build(builder, storeJson(), activity);
        return new LifecycleTopologyMarker();
    }

    /** The bean that says the topology is built. */
    public record LifecycleTopologyMarker() {
    }

    /**
     * A stream thread that dies on an unexpected exception is replaced (the record is read again: every fold is
     * idempotent); the state changes are logged so that a rebuild is visible.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer dashboardStreamsConfigurer() {
        return factory -> {
            factory.setStreamsUncaughtExceptionHandler(e -> {
                log.error("stream thread failed; replacing it", e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
            factory.setStateListener((now, before) -> log.info("dashboard topology {} -> {}", before, now));
            // a clean stop commits within the services' 20 s shutdown phase
            factory.setCloseTimeout(5);
        };
    }

    @Bean
    InteractiveQueries interactiveQueries(StreamsBuilderFactoryBean streams, DashboardActivity activity) {
        return new InteractiveQueries(streams, activity);
    }

    /** Named {@code streams}, so that the readiness group can include it. */
    @Bean(name = "streamsHealthIndicator")
    StreamsHealthIndicator streamsHealthIndicator(InteractiveQueries streams, DashboardActivity activity) {
        return new StreamsHealthIndicator(streams, activity);
    }

    @Bean
    DashboardQueries dashboardQueries(InteractiveQueries store, Clock clock) {
        return new DashboardQueries(store, clock);
    }

    @Bean
    TokenExemptPath dashboardPageRoot() {
        return new TokenExemptPath("/dashboard/", "nothing: the page carries no data");
    }

    @Bean
    TokenExemptPath dashboardPageRedirect() {
        return new TokenExemptPath("/dashboard", "nothing: a redirect to /dashboard/");
    }

    @Bean
    TokenExemptPath dashboardPageFiles() {
        return new TokenExemptPath("/dashboard/*", "nothing: the page's static files carry no data; its scripts call"
                + " /api/dashboard/** with the signed-in user's bearer token");
    }

    @Bean
    TokenExemptPath dashboardCharts() {
        return new TokenExemptPath("/webjars/echarts/*/echarts.min.js", "nothing: the ECharts library (WebJars) carries no data");
    }
}
