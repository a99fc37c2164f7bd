package cn.gov.eco.simulator.edelivery;

import cn.gov.eco.contracts.callback.HmacSignature;
import cn.gov.eco.simulator.Json;
import cn.gov.eco.simulator.SignedCallbacks;
import cn.gov.eco.simulator.SimulatorServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulated electronic-delivery platform (电子送达平台). It takes one message with both documents of a dual
 * delivery, signed by the sender, idempotent by the {@code Idempotency-Key} header (the delivery id): a second
 * message with the same key is answered with the first message's id and stored nothing. After a configurable delay
 * it reports the arrival to the configured callback URL, signed with the same shared secret.
 *
 * <pre>
 * POST /api/v1/messages          Idempotency-Key: &lt;deliveryId&gt;, X-Signature-Timestamp, X-Signature
 *   {"deliveryId","caseId","uscc","enterpriseName","address",
 *    "documents":[{"kind","documentNumber","fileName","sha256","contentBase64"}, ... two]}
 *   → 202 {"messageId","acceptedAt","duplicate":false}; the same key again → 200 {..., "duplicate":true}
 *   → 400 malformed or not two documents or a hash that does not match; 401 signature missing or wrong
 * callback: POST &lt;callbackUrl&gt; {"deliveryId","platformMessageId","arrivedAt"} signed
 * </pre>
 *
 * Counters: {@code requests}, {@code messagesAccepted}, {@code duplicates}, {@code unsigned}, {@code failedByFault},
 * and the callbacks' ({@link SignedCallbacks}).
 */
public final class EDeliverySimulator extends SimulatorServer {

    public static final String MESSAGES_PATH = "/api/v1/messages";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    /** The embedded default's port (the launcher starts it there). */
    public static final int DEFAULT_PORT = 8090;

    /**
     * @param port               0 for an ephemeral one
     * @param secret             the HMAC secret shared with notice-service
     * @param callbackUrl        where arrival receipts go (notice-service's callback endpoint)
     * @param callbackDelay      how long after acceptance the documents "arrive"
     * @param callbackAttempts   attempts per callback before it is abandoned
     * @param callbackRetryPause the pause before the second attempt, doubled for each further one
     */
    public record Settings(int port, String secret, URI callbackUrl, Duration callbackDelay, int callbackAttempts,
                           Duration callbackRetryPause) {

        public Settings {
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(callbackUrl, "callbackUrl");
            callbackDelay = callbackDelay == null ? Duration.ofMillis(200) : callbackDelay;
            callbackRetryPause = callbackRetryPause == null ? Duration.ofSeconds(1) : callbackRetryPause;
        }

        public static Settings of(int port, String secret, URI callbackUrl) {
            return new Settings(port, secret, callbackUrl, Duration.ofMillis(200), 5, Duration.ofSeconds(1));
        }
    }

    /** What the platform stored of one message, with the W3C traceparent it came with (if any). */
    public record Message(String deliveryId, String messageId, Instant acceptedAt, String caseId, String uscc,
                          String address, List<StoredDocument> documents, String traceparent) {
    }

    public record StoredDocument(String kind, String documentNumber, String fileName, String sha256, int size) {
    }

    private static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final Settings settings;
    private final HmacSignature signature;
    private final Clock clock;
    private final SignedCallbacks callbacks;
    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private volatile URI callbackUrl;

    public EDeliverySimulator(Settings settings, Clock clock) {
        super("e-delivery platform", settings.port());
        this.settings = settings;
        this.signature = new HmacSignature(settings.secret());
        this.clock = clock;
        this.callbackUrl = settings.callbackUrl();
        this.callbacks = new SignedCallbacks(settings.secret(), counters, faults, clock, settings.callbackAttempts(),
                settings.callbackRetryPause());
        api(MESSAGES_PATH, this::receive);
    }

    public EDeliverySimulator(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    @Override
    public EDeliverySimulator start() {
        super.start();
        return this;
    }

    /** Sends later callbacks to {@code url} (e.g. a service started after the simulator, on an ephemeral port). */
    public EDeliverySimulator callbackUrl(URI url) {
        this.callbackUrl = Objects.requireNonNull(url);
        return this;
    }

    /** The message stored for a delivery, if the platform took one. */
    public Optional<Message> message(String deliveryId) {
        return Optional.ofNullable(messages.get(deliveryId));
    }

    /** The deliveries the platform took, each once however often it was sent. */
    public Set<String> receivedDeliveryIds() {
        return Set.copyOf(messages.keySet());
    }

    @Override
    protected void forget() {
        messages.clear();
    }

    @Override
    public void close() {
        callbacks.close();
        super.close();
    }

    private void receive(HttpExchange ex) throws IOException {
        requireMethod(ex, "POST");
        byte[] body = readBody(ex);
        var verdict = signature.verify(ex.getRequestHeaders().getFirst(HmacSignature.TIMESTAMP_HEADER),
                ex.getRequestHeaders().getFirst(HmacSignature.SIGNATURE_HEADER), body, clock.instant(), MAX_SKEW);
        if (verdict != HmacSignature.Verdict.VALID) {
            counters.increment("unsigned");
            respond(ex, 401, problem("SIGNATURE_" + verdict, "the message's signature is " + verdict));
            return;
        }
        JsonNode json = Json.read(body);
        String deliveryId = text(json, "deliveryId");
        String key = ex.getRequestHeaders().getFirst(IDEMPOTENCY_HEADER);
        if (!deliveryId.equals(key)) {
            throw new IllegalArgumentException(IDEMPOTENCY_HEADER + " must be the deliveryId");
        }
        List<StoredDocument> documents = documents(json.get("documents"));
        Instant now = clock.instant();
        Message candidate = new Message(deliveryId, "EDM-" + UUID.randomUUID(), now, json.path("caseId").asText(null),
                json.path("uscc").asText(null), text(json, "address"), documents,
                ex.getRequestHeaders().getFirst("traceparent"));
        Message stored = messages.putIfAbsent(deliveryId, candidate);
        boolean duplicate = stored != null;
        Message message = duplicate ? stored : candidate;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messageId", message.messageId());
        answer.put("acceptedAt", message.acceptedAt().toString());
        answer.put("duplicate", duplicate);
        if (duplicate) {
            counters.increment("duplicates");
            respond(ex, 200, answer);
            return;
        }
        counters.increment("messagesAccepted");
        respond(ex, 202, answer);
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("deliveryId", deliveryId);
        receipt.put("platformMessageId", message.messageId());
        receipt.put("arrivedAt", now.plus(settings.callbackDelay()).toString());
        callbacks.schedule(callbackUrl, receipt, settings.callbackDelay());
    }

    private static List<StoredDocument> documents(JsonNode docs) {
        if (docs == null || !docs.isArray() || docs.size() != 2) {
            throw new IllegalArgumentException("documents: an electronic service act carries exactly two documents");
        }
        List<StoredDocument> out = new ArrayList<>();
        for (JsonNode d : docs) {
            byte[] pdf;
            try {
                pdf = Base64.getDecoder().decode(text(d, "contentBase64"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("documents[].contentBase64 is not base64");
            }
            String sha = text(d, "sha256");
            if (!sha.equalsIgnoreCase(sha256(pdf))) {
                throw new IllegalArgumentException("documents[].sha256 does not match the content of "
                        + d.path("fileName").asText());
            }
            out.add(new StoredDocument(text(d, "kind"), text(d, "documentNumber"), d.path("fileName").asText(null),
                    sha, pdf.length));
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return v.asText();
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the simulator on its own: {@code --port 8090 --secret S --callback-url URL [--callback-delay-ms 200]}.
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        var settings = new Settings(Integer.parseInt(a.getOrDefault("port", Integer.toString(DEFAULT_PORT))),
                a.getOrDefault("secret", System.getenv("NOTICE_EDELIVERY_SECRET")),
                URI.create(a.getOrDefault("callback-url", "http://localhost:8082/callbacks/edelivery/arrivals")),
                Duration.ofMillis(Long.parseLong(a.getOrDefault("callback-delay-ms", "200"))), 5, Duration.ofSeconds(1));
        new EDeliverySimulator(settings).start();
        Thread.currentThread().join();
    }
}
