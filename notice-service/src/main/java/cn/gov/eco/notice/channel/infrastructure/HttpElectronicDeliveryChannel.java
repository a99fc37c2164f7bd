package cn.gov.eco.notice.channel.infrastructure;

import cn.gov.eco.contracts.callback.HmacSignature;
import cn.gov.eco.platform.trace.TraceContext;
import cn.gov.eco.notice.channel.ChannelSubmission;
import cn.gov.eco.notice.channel.ChannelUnavailableException;
import cn.gov.eco.notice.channel.ElectronicDeliveryChannel;
import cn.gov.eco.notice.channel.ElectronicDispatch;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * The electronic-delivery platform over HTTP: one signed JSON message with both sealed PDFs (base64), idempotent by
 * the delivery id ({@code Idempotency-Key}). Guarded, from the outside in, by a retry with exponential backoff, a
 * circuit breaker, a rate limiter, a time limiter and a bulkhead (the order of Resilience4j's own aspects), all
 * configured under {@code resilience4j.*.instances.edelivery} and shown on the actuator. Whatever stops a message
 * (platform down, slow, circuit open, limits reached, message refused) surfaces as
 * {@link ChannelUnavailableException}: the delivery stays pending and is sent again later.
 */
public class HttpElectronicDeliveryChannel implements ElectronicDeliveryChannel, AutoCloseable {

    /** The name of every Resilience4j instance guarding this channel. */
    public static final String GUARD = "edelivery";
    static final String MESSAGES_PATH = "/api/v1/messages";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private static final Logger log = LoggerFactory.getLogger(HttpElectronicDeliveryChannel.class);

    /** The guards, one instance each, from the Resilience4j registries. */
    public record Guards(Retry retry, CircuitBreaker circuitBreaker, RateLimiter rateLimiter, TimeLimiter timeLimiter,
                         Bulkhead bulkhead) {
    }

    private final URI messagesUrl;
    private final HmacSignature signature;
    private final JsonMapper json;
    private final Clock clock;
    private final Guards guards;
    private final HttpClient http;
    private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();

    public HttpElectronicDeliveryChannel(EDeliveryProperties props, JsonMapper json, Clock clock, Guards guards) {
        this.messagesUrl = props.baseUrl().resolve(MESSAGES_PATH);
        this.signature = new HmacSignature(props.secret());
        this.json = json;
        this.clock = clock;
        this.guards = guards;
        this.http = HttpClient.newBuilder().connectTimeout(props.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public ChannelSubmission send(ElectronicDispatch dispatch) {
        byte[] body = json.writeValueAsBytes(message(dispatch));
        // the attempts run on another thread: the caller's trace goes with the request as its W3C traceparent
        String traceparent = TraceContext.currentOrNew().header();
        Callable<ChannelSubmission> oneAttempt = () -> guards.timeLimiter().executeFutureSupplier(() ->
                CompletableFuture.supplyAsync(Bulkhead.decorateSupplier(guards.bulkhead(),
                        () -> post(dispatch.deliveryId(), body, traceparent)), attempts));
        Callable<ChannelSubmission> guarded = Retry.decorateCallable(guards.retry(),
                CircuitBreaker.decorateCallable(guards.circuitBreaker(),
                        RateLimiter.decorateCallable(guards.rateLimiter(), oneAttempt)));
        try {
            return guarded.call();
        } catch (CallNotPermittedException e) {
            throw unavailable(dispatch, "the circuit breaker is open (the platform failed recently)", e);
        } catch (RequestNotPermitted e) {
            throw unavailable(dispatch, "the rate limit towards the platform is reached", e);
        } catch (BulkheadFullException e) {
            throw unavailable(dispatch, "too many messages in flight to the platform", e);
        } catch (TimeoutException e) {
            throw unavailable(dispatch, "the platform did not answer within the time limit", e);
        } catch (PlatformFailureException | PlatformRejectedException e) {
            throw unavailable(dispatch, e.getMessage(), e);
        } catch (Exception e) {
            throw unavailable(dispatch, e.toString(), e);
        }
    }

    private static ChannelUnavailableException unavailable(ElectronicDispatch d, String why, Throwable cause) {
        log.warn("e-delivery of {} (case {}) not sent: {}", d.deliveryId(), d.caseId(), why);
        return new ChannelUnavailableException("e-delivery platform unavailable for " + d.deliveryId() + ": " + why,
                cause);
    }

    private ChannelSubmission post(String deliveryId, byte[] body, String traceparent) {
        long ts = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(messagesUrl)
                .header("Content-Type", "application/json")
                .header("traceparent", traceparent)
                .header(IDEMPOTENCY_HEADER, deliveryId)
                .header(HmacSignature.TIMESTAMP_HEADER, Long.toString(ts))
                .header(HmacSignature.SIGNATURE_HEADER, signature.sign(ts, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new PlatformFailureException("no answer from " + messagesUrl + ": " + e, e);
        } catch (InterruptedException e) {
            // the time limiter cancelled this attempt
            Thread.currentThread().interrupt();
            throw new PlatformFailureException("attempt interrupted", e);
        }
        int status = response.statusCode();
        if (status == 200 || status == 201 || status == 202) {
            JsonNode answer = json.readTree(response.body());
            return new ChannelSubmission(answer.get("messageId").asString(),
                    Instant.parse(answer.get("acceptedAt").asString()));
        }
        String text = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        if (status >= 500 || status == 429 || status == 401 || status == 403 || status == 408) {
            throw new PlatformFailureException("the platform answered " + status + " " + abbreviate(text), null);
        }
        throw new PlatformRejectedException("the platform refused the message: " + status + " " + abbreviate(text));
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static Map<String, Object> message(ElectronicDispatch d) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (var doc : d.documents()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", doc.kind());
            m.put("documentNumber", doc.documentNumber());
            m.put("fileName", doc.fileName());
            m.put("sha256", doc.sha256());
            m.put("contentBase64", Base64.getEncoder().encodeToString(doc.pdf()));
            docs.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deliveryId", d.deliveryId());
        m.put("caseId", d.caseId());
        m.put("uscc", d.uscc());
        m.put("enterpriseName", d.enterpriseName());
        m.put("address", d.address());
        m.put("documents", docs);
        return m;
    }

    @Override
    public void close() {
        attempts.shutdownNow();
        http.close();
    }
}
