package cn.gov.eco.notice.channel;

import cn.gov.eco.notice.channel.infrastructure.EDeliveryProperties;
import cn.gov.eco.notice.channel.infrastructure.HttpElectronicDeliveryChannel;
import cn.gov.eco.simulator.edelivery.EDeliverySimulator;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * RELIABILITY.md R7 at the adapter: the HTTP channel against the simulated platform over real HTTP, with the guards
 * configured as in notice-service.yml but with short durations. The callback URL points nowhere that answers: the
 * callbacks are the simulator's business (the endpoint is tested in {@link ElectronicChannelIT}).
 */
class HttpElectronicDeliveryChannelTest {

    private static final String SECRET = "adapter-test-secret-0123456789";
    private EDeliverySimulator simulator;
    private HttpElectronicDeliveryChannel channel;
    private CircuitBreaker breaker;

    private void start(Duration timeLimit, int ratePerSecond) {
        simulator = new EDeliverySimulator(new EDeliverySimulator.Settings(0, SECRET,
                URI.create("http://127.0.0.1:9/unused"), Duration.ofMillis(10), 1, Duration.ofMillis(10))).start();
        breaker = CircuitBreaker.of("edelivery", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED).slidingWindowSize(4)
                .minimumNumberOfCalls(4).failureRateThreshold(50).waitDurationInOpenState(Duration.ofMillis(500))
                .permittedNumberOfCallsInHalfOpenState(2).automaticTransitionFromOpenToHalfOpenEnabled(true)
                .ignoreExceptions(RequestNotPermitted.class).build());
        Retry retry = Retry.of("edelivery", RetryConfig.custom().maxAttempts(2)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(20), 2))
                .retryExceptions(TimeoutException.class, RuntimeException.class)
                .ignoreExceptions(CallNotPermittedException.class, RequestNotPermitted.class).build());
        var guards = new HttpElectronicDeliveryChannel.Guards(retry, breaker,
                RateLimiter.of("edelivery", RateLimiterConfig.custom().limitForPeriod(ratePerSecond)
                        .limitRefreshPeriod(Duration.ofSeconds(10)).timeoutDuration(Duration.ZERO).build()),
                TimeLimiter.of("edelivery", TimeLimiterConfig.custom().timeoutDuration(timeLimit)
                        .cancelRunningFuture(true).build()),
                Bulkhead.of("edelivery", BulkheadConfig.custom().maxConcurrentCalls(4).build()));
        channel = new HttpElectronicDeliveryChannel(new EDeliveryProperties(simulator.baseUrl(), SECRET, null, null),
                JsonMapper.builder().build(), Clock.systemUTC(), guards);
    }

    @AfterEach
    void stop() {
        channel.close();
        simulator.close();
    }

    @Test
    void shouldHandBothDocumentsToThePlatformOnceWhenTheSameDeliveryIsSentTwice() {
        start(Duration.ofSeconds(5), 100);
        var dispatch = dispatch("d-" + UUID.randomUUID());
        ChannelSubmission first = channel.send(dispatch);
        ChannelSubmission second = channel.send(dispatch);
        assertThat(second.platformMessageId()).isEqualTo(first.platformMessageId()).startsWith("EDM-");
        assertThat(second.acceptedAt()).isEqualTo(first.acceptedAt());
        assertThat(simulator.receivedDeliveryIds()).containsExactly(dispatch.deliveryId());
        assertThat(simulator.counters().get("messagesAccepted")).isEqualTo(1);
        assertThat(simulator.counters().get("duplicates")).isEqualTo(1);
        var stored = simulator.message(dispatch.deliveryId()).orElseThrow();
        assertThat(stored.documents()).extracting(EDeliverySimulator.StoredDocument::sha256)
                .containsExactly(dispatch.documents().get(0).sha256(), dispatch.documents().get(1).sha256());
    }

    @Test
    void shouldOpenTheCircuitWhileThePlatformFailsFailFastAndGoThroughAfterRecovery() {
        start(Duration.ofSeconds(5), 100);
        simulator.faults().fail(503);
        for (int i = 0; i < 2; i++) { // two sends, two attempts each: four failed calls open the circuit
            assertThatThrownBy(() -> channel.send(dispatch("down-" + UUID.randomUUID())))
                    .isInstanceOf(ChannelUnavailableException.class).hasMessageContaining("503");
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long requestsWhenOpened = simulator.counters().get("requests");
        assertThatThrownBy(() -> channel.send(dispatch("fast-" + UUID.randomUUID())))
                .isInstanceOf(ChannelUnavailableException.class).hasCauseInstanceOf(CallNotPermittedException.class)
                .hasMessageContaining("circuit breaker is open");
        assertThat(simulator.counters().get("requests")).as("no request while open").isEqualTo(requestsWhenOpened);
        assertThat(simulator.receivedDeliveryIds()).isEmpty();

        simulator.faults().heal();
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker.getState() == CircuitBreaker.State.HALF_OPEN);
        var late = List.of(dispatch("late-1"), dispatch("late-2"));
        late.forEach(channel::send);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(simulator.receivedDeliveryIds()).containsExactlyInAnyOrder("late-1", "late-2");
    }

    @Test
    void shouldCutASlowPlatformAtTheTimeLimit() {
        start(Duration.ofMillis(300), 100);
        simulator.faults().slow(Duration.ofSeconds(3));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> channel.send(dispatch("slow-" + UUID.randomUUID())))
                .isInstanceOf(ChannelUnavailableException.class).hasCauseInstanceOf(TimeoutException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(took).as("two attempts of 300 ms and a 20 ms pause, not the platform's 3 s")
                .isLessThan(Duration.ofMillis(1500)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(simulator.receivedDeliveryIds()).isEmpty();
    }

    @Test
    void shouldRefuseBeyondTheRateLimitWithoutCallingThePlatform() {
        start(Duration.ofSeconds(5), 2);
        channel.send(dispatch("r-1"));
        channel.send(dispatch("r-2"));
        assertThatThrownBy(() -> channel.send(dispatch("r-3"))).isInstanceOf(ChannelUnavailableException.class)
                .hasCauseInstanceOf(RequestNotPermitted.class);
        assertThat(simulator.receivedDeliveryIds()).containsExactlyInAnyOrder("r-1", "r-2");
        assertThat(breaker.getState()).as("our own limit says nothing of the platform's health")
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void shouldShowADroppedCallbackInTheSimulatorsCounters() {
        start(Duration.ofSeconds(5), 100);
        simulator.faults().dropCallbacks(true);
        channel.send(dispatch("dropped-1"));
        assertThat(simulator.counters().get("messagesAccepted")).isEqualTo(1);
        assertThat(simulator.counters().get("callbacksDropped")).isEqualTo(1);
        assertThat(simulator.counters().get("callbacksSent")).isZero();
    }

    @Test
    void shouldReportAWrongSecretAsTheChannelUnavailable() {
        start(Duration.ofSeconds(5), 100);
        channel.close();
        channel = new HttpElectronicDeliveryChannel(new EDeliveryProperties(simulator.baseUrl(),
                "a-secret-the-platform-does-not-know", null, null), JsonMapper.builder().build(), Clock.systemUTC(),
                new HttpElectronicDeliveryChannel.Guards(Retry.ofDefaults("r"), CircuitBreaker.ofDefaults("c"),
                        RateLimiter.ofDefaults("l"), TimeLimiter.ofDefaults("t"), Bulkhead.ofDefaults("b")));
        assertThatThrownBy(() -> channel.send(dispatch("unsigned-1"))).isInstanceOf(ChannelUnavailableException.class)
                .hasMessageContaining("401");
        assertThat(simulator.receivedDeliveryIds()).isEmpty();
        assertThat(simulator.counters().get("unsigned")).isEqualTo(3); // the default retry's three attempts
    }

    @Test
    void shouldNeitherRetryNorCountAgainstThePlatformAMessageItRefuses() {
        start(Duration.ofSeconds(5), 100);
        channel.close();
        // the real guards' exception settings of notice-service.yml: a refused message is not the platform's fault
        var refusedIgnored = CircuitBreaker.of("edelivery", CircuitBreakerConfig.custom().minimumNumberOfCalls(1)
                .slidingWindowSize(1).ignoreExceptions(RequestNotPermitted.class).ignoreExceptions(
                        refusedClass()).build());
        var retry = Retry.of("edelivery", RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(10))
                .retryExceptions(TimeoutException.class, failureClass()).build());
        channel = new HttpElectronicDeliveryChannel(new EDeliveryProperties(simulator.baseUrl(), SECRET, null, null),
                JsonMapper.builder().build(), Clock.systemUTC(), new HttpElectronicDeliveryChannel.Guards(retry,
                refusedIgnored, RateLimiter.ofDefaults("l"), TimeLimiter.ofDefaults("t"), Bulkhead.ofDefaults("b")));
        var good = dispatch("refused-1");
        var bad = new ElectronicDispatch(good.deliveryId(), good.caseId(), good.uscc(), good.enterpriseName(),
                good.address(), List.of(good.documents().get(0), new ElectronicDispatch.DispatchedDocument(
                "REPAIR_RIGHTS_NOTICE", "n", "notice.pdf", good.documents().get(1).pdf(), "0".repeat(64))));
        assertThatThrownBy(() -> channel.send(bad)).isInstanceOf(ChannelUnavailableException.class)
                .hasMessageContaining("refused the message: 400");
        assertThat(simulator.counters().get("requests")).as("not retried").isEqualTo(1);
        assertThat(refusedIgnored.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(simulator.receivedDeliveryIds()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable> refusedClass() {
        return (Class<? extends Throwable>) load("PlatformRejectedException");
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable> failureClass() {
        return (Class<? extends Throwable>) load("PlatformFailureException");
    }

    /** The exception types are package-private, as notice-service.yml names them: by class name. */
    private static Class<?> load(String simpleName) {
        try {
            return Class.forName("cn.gov.eco.notice.channel.infrastructure." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static ElectronicDispatch dispatch(String deliveryId) {
        byte[] decision = ("%PDF-1.7 decision " + deliveryId).getBytes(StandardCharsets.US_ASCII);
        byte[] notice = ("%PDF-1.7 notice " + deliveryId).getBytes(StandardCharsets.US_ASCII);
        return new ElectronicDispatch(deliveryId, "case-" + deliveryId, "91350500MA2Y8N3X1K", "泉州市清源化工有限公司",
                "edelivery://91350500MA2Y8N3X1K", List.of(
                new ElectronicDispatch.DispatchedDocument("PENALTY_DECISION", "泉环罚〔2026〕1号", "decision.pdf",
                        decision, sha256(decision)),
                new ElectronicDispatch.DispatchedDocument("REPAIR_RIGHTS_NOTICE", "泉环罚〔2026〕1号-修复告知",
                        "notice.pdf", notice, sha256(notice))));
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
