package cn.gov.eco.credit.repair.infrastructure;

import cn.gov.eco.credit.repair.application.CreditPlatform;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The credit platform over HTTP ({@code POST /api/repair-results}, header {@code Idempotency-Key}), guarded by the
 * Resilience4j instances named {@value #INSTANCE} (configured under {@code resilience4j.*}, shown on the actuator):
 * a time limit per call, a few retries, and a circuit breaker that stops calling a platform that keeps failing.
 */
public class HttpCreditPlatform implements CreditPlatform {

    public static final String INSTANCE = "credit-platform";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;
    private final JsonMapper json;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final TimeLimiter timeLimiter;

    public HttpCreditPlatform(URI baseUrl, JsonMapper json, CircuitBreaker breaker, Retry retry,
                              TimeLimiter timeLimiter) {
        this.endpoint = baseUrl.resolve("/api/repair-results");
        this.json = json;
        this.breaker = breaker;
        this.retry = retry;
        this.timeLimiter = timeLimiter;
    }

    @Override
    public Receipt send(RepairResult result) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", result.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of(
                        "uscc", result.uscc(), "recordId", result.recordId(), "caseId", result.caseId(),
                        "decisionDocumentNumber", result.decisionDocumentNumber(),
                        "approvedDate", String.valueOf(result.approvedDate()),
                        "applicationId", result.applicationId(), "action", "TERMINATE_PUBLICITY_BY_REPAIR"))))
                .build();
        Callable<Receipt> timed = TimeLimiter.decorateFutureSupplier(timeLimiter,
                () -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(this::receipt));
        Callable<Receipt> guarded = Retry.decorateCallable(retry, CircuitBreaker.decorateCallable(breaker, timed));
        try {
            return guarded.call();
        } catch (CallNotPermittedException e) {
            throw new Unavailable("circuit breaker " + INSTANCE + " is open", e);
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
                    ? e.getCause() : e;
            throw new Unavailable("credit platform unavailable: " + cause, cause);
        }
    }

    private Receipt receipt(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("credit platform answered " + response.statusCode());
        }
        JsonNode body = json.readTree(response.body());
        JsonNode reference = body.get("reference");
        if (reference == null || reference.asString().isBlank()) {
            throw new IllegalStateException("credit platform answered without a reference");
        }
        return new Receipt(reference.asString());
    }

}
