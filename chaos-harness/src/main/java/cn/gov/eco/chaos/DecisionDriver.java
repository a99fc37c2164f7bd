package cn.gov.eco.chaos;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import cn.gov.eco.benchmark.Workload;

/**
 * Posts N decisions to case-service at an offered rate with a bound on requests in flight, as the benchmark does
 * ({@link Workload}), and keeps posting through faults: a decision whose request failed (case-service killed,
 * connection refused, no answer) is posted again, with the same document number, until it is answered. A 409
 * {@code DOCUMENT_NUMBER_TAKEN} then means an earlier attempt was stored although its answer was lost. What counts at
 * the end is what case-service stored; what the driver saw only checks that no acknowledged decision was lost.
 */
final class DecisionDriver {

    private final Workload workload;
    private final URI decisionsUrl;
    private final Supplier<String> token;
    private final long firstSequence;
    /** document number → case id, for every 201. */
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** document numbers answered 409 after a lost answer: stored by an earlier attempt. */
    final Set<String> takenAfterRetry = ConcurrentHashMap.newKeySet();
    /** document numbers answered with anything else (4xx/5xx other than 409): a finding. */
    final Map<String, String> rejected = new ConcurrentHashMap<>();
    final AtomicInteger failedAttempts = new AtomicInteger();

    DecisionDriver(Workload workload, URI decisionsUrl, Supplier<String> token, long firstSequence) {
        this.workload = workload;
        this.decisionsUrl = decisionsUrl;
        this.token = token;
        this.firstSequence = firstSequence;
    }

    /** Posts decisions 0..n-1; returns when each has been answered (or {@code timeout} passed). */
    void drive(int n, double rate, int concurrency, Duration timeout) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch answered = new CountDownLatch(n);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                inFlight.acquire();
                post(http, i, 0, inFlight, answered, deadline);
            }
            answered.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private void post(HttpClient http, int index, int attempt, Semaphore inFlight, CountDownLatch answered,
                      long deadline) {
        String number = Workload.documentNumber(firstSequence + index);
        http.sendAsync(workload.request(decisionsUrl, token.get(), index, number), HttpResponse.BodyHandlers.ofString())
                .whenComplete((resp, err) -> {
                    boolean retry = err != null || resp.statusCode() >= 500 && resp.statusCode() != 501;
                    if (retry && System.nanoTime() < deadline) {
                        failedAttempts.incrementAndGet();
                        // case-service is down or restarting: the same decision again, later
                        CompletableDelay.after(Duration.ofMillis(Math.min(2000, 200L * (attempt + 1))),
                                () -> post(http, index, attempt + 1, inFlight, answered, deadline));
                        return;
                    }
                    try {
                        if (err != null) {
                            rejected.put(number, err.toString());
                        } else if (resp.statusCode() == 201) {
                            String caseId = Workload.caseId(resp.body());
                            acknowledged.put(number, caseId == null ? "?" : caseId);
                        } else if (resp.statusCode() == 409 && attempt > 0
                                && resp.body().contains("DOCUMENT_NUMBER_TAKEN")) {
                            takenAfterRetry.add(number);
                        } else {
                            rejected.put(number, resp.statusCode() + " " + resp.body());
                        }
                    } finally {
                        inFlight.release();
                        answered.countDown();
                    }
                });
    }

    /** A delayed task without a thread per wait. */
    private static final class CompletableDelay {
        static void after(Duration d, Runnable r) {
            java.util.concurrent.CompletableFuture.delayedExecutor(d.toMillis(), TimeUnit.MILLISECONDS).execute(r);
        }
    }
}
