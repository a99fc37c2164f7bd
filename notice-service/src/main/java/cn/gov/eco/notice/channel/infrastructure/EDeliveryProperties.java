package cn.gov.eco.notice.channel.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * The outside electronic-delivery platform ({@code notice.edelivery.*}). Its guards (time limiter, retry, circuit
 * breaker, bulkhead, rate limiter) are Resilience4j's instances named {@value HttpElectronicDeliveryChannel#GUARD}
 * under {@code resilience4j.*}.
 *
 * @param baseUrl         the platform's API (the embedded default's simulator: http://localhost:8090)
 * @param secret          the HMAC secret shared with the platform: signs what this service sends and authenticates
 *                        the platform's callbacks; at least 16 characters
 * @param connectTimeout  TCP connect timeout of one attempt
 * @param callbackMaxSkew how far a callback's signed timestamp may lie from this service's clock (replay window)
 */
@ConfigurationProperties("notice.edelivery")
public record EDeliveryProperties(URI baseUrl, String secret, Duration connectTimeout, Duration callbackMaxSkew) {

    public EDeliveryProperties {
        baseUrl = baseUrl == null ? URI.create("http://localhost:8090") : baseUrl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        callbackMaxSkew = callbackMaxSkew == null ? Duration.ofMinutes(5) : callbackMaxSkew;
    }
}
