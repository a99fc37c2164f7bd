package cn.gov.eco.credit.publicity.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * credit-service's own publicity settings ({@code credit.publicity.*}): only the scheduler. The classification and
 * the periods are the platform's one configuration ({@code platform.publicity.*}), the same in every service.
 *
 * @param scheduler how often the time-driven transitions are checked, and the claim lease
 */
@ConfigurationProperties("credit.publicity")
public record CreditPublicityProperties(Scheduler scheduler) {

    public CreditPublicityProperties {
        scheduler = scheduler == null ? new Scheduler(null, null) : scheduler;
    }

    public record Scheduler(Duration interval, Duration lease) {
        public Scheduler {
            interval = interval == null ? Duration.ofMinutes(1) : interval;
            lease = lease == null ? Duration.ofMinutes(2) : lease;
        }
    }
}
