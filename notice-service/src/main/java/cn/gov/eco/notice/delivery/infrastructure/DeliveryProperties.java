package cn.gov.eco.notice.delivery.infrastructure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * The delivery feature's operating settings ({@code notice.delivery.*}). None of them is a legal number: the
 * statutory periods (T2 7 working days, T20 30/60 days) come from the platform's {@code StatutoryDateRules}.
 *
 * @param schedulerInterval how often the scheduler looks for due work when nothing woke it (default 5s)
 * @param claimLease        how long a claimed delivery stays reserved for one scheduler (default 2m; longer than
 *                          the channel's slowest answer)
 * @param firstRetry        the wait after the channel was unavailable the first time, doubled each time (default
 *                          30s)
 * @param maxRetry          the longest wait between two sends (default 30m)
 * @param batch             deliveries per scheduler pass (default 200)
 * @param evidenceMaxSize   the largest evidence upload (default 10MB)
 * @param arrivalTimeout    [I] an electronic message the channel took with no arrival receipt after this long counts
 *                          as not delivered, and service in person is recommended (default 72h; not a statutory
 *                          number: set it to the platform's service level)
 */
@ConfigurationProperties("notice.delivery")
public record DeliveryProperties(Duration schedulerInterval, Duration claimLease, Duration firstRetry,
                                 Duration maxRetry, Integer batch, DataSize evidenceMaxSize,
                                 Duration arrivalTimeout) {

    public DeliveryProperties {
        schedulerInterval = schedulerInterval == null ? Duration.ofSeconds(5) : schedulerInterval;
        claimLease = claimLease == null ? Duration.ofMinutes(2) : claimLease;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofMinutes(30) : maxRetry;
        batch = batch == null ? 200 : batch;
        evidenceMaxSize = evidenceMaxSize == null ? DataSize.ofMegabytes(10) : evidenceMaxSize;
        arrivalTimeout = arrivalTimeout == null ? Duration.ofHours(72) : arrivalTimeout;
    }
}
