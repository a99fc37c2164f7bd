package cn.gov.eco.simulator;

import cn.gov.eco.contracts.callback.HmacSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The callbacks a simulated platform makes to the service that called it: JSON, signed with the shared secret
 * ({@link HmacSignature}), posted after a delay, and tried again with a doubling pause when the receiver does not
 * answer 2xx (as a real platform's notification service does), up to a number of attempts. Counted in the
 * simulator's counters as {@code callbacksSent}, {@code callbacksDropped} (a fault told it to), {@code
 * callbacksRetried} and {@code callbacksAbandoned} (every attempt failed).
 */
public final class SignedCallbacks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SignedCallbacks.class);

    private final HmacSignature signature;
    private final Counters counters;
    private final Faults faults;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstRetryPause;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulator-callbacks");
        t.setDaemon(true);
        return t;
    });

    public SignedCallbacks(String secret, Counters counters, Faults faults, Clock clock, int maxAttempts,
                           Duration firstRetryPause) {
        this.signature = new HmacSignature(secret);
        this.counters = counters;
        this.faults = faults;
        this.clock = clock;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstRetryPause = firstRetryPause;
    }

    /** Posts {@code payload} to {@code url} after {@code delay}, unless callbacks are being dropped. */
    public void schedule(URI url, Object payload, Duration delay) {
        if (faults.dropsCallbacks()) {
            counters.increment("callbacksDropped");
            log.info("callback to {} dropped (fault)", url);
            return;
        }
        byte[] body = Json.write(payload);
        scheduler.schedule(() -> Thread.ofVirtual().start(() -> attempt(url, body, 1)), delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void attempt(URI url, byte[] body, int attempt) {
        long ts = clock.instant().getEpochSecond();
        var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header(HmacSignature.TIMESTAMP_HEADER, Long.toString(ts))
                .header(HmacSignature.SIGNATURE_HEADER, signature.sign(ts, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        String outcome;
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                counters.increment("callbacksSent");
                return;
            }
            outcome = "HTTP " + response.statusCode() + " " + response.body();
        } catch (IOException e) {
            outcome = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (attempt >= maxAttempts) {
            counters.increment("callbacksAbandoned");
            log.warn("callback to {} abandoned after {} attempts: {}", url, attempt, outcome);
            return;
        }
        counters.increment("callbacksRetried");
        long pause = firstRetryPause.toMillis() << Math.min(attempt - 1, 10);
        log.info("callback to {} failed (attempt {}): {}; again in {} ms", url, attempt, outcome, pause);
        scheduler.schedule(() -> Thread.ofVirtual().start(() -> attempt(url, body, attempt + 1)), pause,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        http.close();
    }
}
