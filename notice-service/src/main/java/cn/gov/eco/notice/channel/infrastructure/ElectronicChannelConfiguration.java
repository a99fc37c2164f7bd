package cn.gov.eco.notice.channel.infrastructure;

import cn.gov.eco.notice.channel.ElectronicDeliveryChannel;
import cn.gov.eco.platform.security.TokenExemptPath;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

import static cn.gov.eco.notice.channel.infrastructure.HttpElectronicDeliveryChannel.GUARD;

/**
 * The electronic-delivery channel: the HTTP adapter with its Resilience4j guards (from the registries that
 * resilience4j-spring-boot4 builds from {@code resilience4j.*}), and the exemption of the platform's signed callback
 * from the bearer token.
 */
@Configuration
@EnableConfigurationProperties(EDeliveryProperties.class)
public class ElectronicChannelConfiguration {

    /** The path the platform posts its arrival receipts to (also the simulator's callback URL's path). */
    public static final String CALLBACK_PATH = "/callbacks/edelivery/arrivals";

    @Bean(destroyMethod = "close")
    HttpElectronicDeliveryChannel electronicDeliveryChannel(EDeliveryProperties props, JsonMapper json, Clock clock,
                                                            RetryRegistry retries, CircuitBreakerRegistry breakers,
                                                            RateLimiterRegistry limiters, TimeLimiterRegistry timeLimiters,
                                                            BulkheadRegistry bulkheads) {
        return new HttpElectronicDeliveryChannel(props, json, clock, new HttpElectronicDeliveryChannel.Guards(
                retries.retry(GUARD), breakers.circuitBreaker(GUARD), limiters.rateLimiter(GUARD),
                timeLimiters.timeLimiter(GUARD), bulkheads.bulkhead(GUARD)));
    }

    /** The platform authenticates its callbacks with the shared secret's HMAC, not with a person's token. */
    @Bean
    TokenExemptPath electronicArrivalCallback() {
        return new TokenExemptPath(CALLBACK_PATH, "HMAC-SHA256 signature with notice.edelivery.secret "
                + "(X-Signature, X-Signature-Timestamp)");
    }
}
