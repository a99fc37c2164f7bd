package cn.gov.eco.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gov.eco.platform.identity.Uscc;

/**
 * The one place that says what a driven penalty decision is and how it is posted: the README's
 * {@code docs/examples/decision.json} with a generated valid USCC per enterprise and a unique document number, as an
 * officer's {@code POST /api/cases/decisions}. Used by the benchmark and the chaos harness alike; a step that must
 * precede a decision (e.g. registering the enterprise's consent to electronic service) belongs here.
 */
public final class Workload {

    private static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"");
    private static final String TEMPLATE_NUMBER = "泉环罚〔2026〕58号";
    private static final String TEMPLATE_USCC = "91350500MA2Y0001XX";

    private final String template;
    private final List<String> usccs;

    /** @param repo the repository root (the decision template is {@code docs/examples/decision.json}) */
    public Workload(Path repo, int enterprises, String runId) {
        try {
            this.template = Files.readString(repo.resolve("docs/examples/decision.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.usccs = usccs(enterprises, runId);
    }

    /** The enterprises' USCCs. */
    public List<String> usccs() {
        return usccs;
    }

    /** The USCC decision {@code index} is against: enterprises take turns. */
    public String usccOf(int index) {
        return usccs.get(index % usccs.size());
    }

    /** 泉环罚〔2026〕{@code sequence}号. */
    public static String documentNumber(long sequence) {
        return "泉环罚〔2026〕" + sequence + "号";
    }

    /** The request body of decision {@code index} with {@code documentNumber}. */
    public String body(int index, String documentNumber) {
        return template.replace(TEMPLATE_NUMBER, documentNumber).replace(TEMPLATE_USCC, usccOf(index));
    }

    /** The officer's {@code POST} of decision {@code index} to {@code decisionsUrl} with the bearer token. */
    public HttpRequest request(URI decisionsUrl, String bearerToken, int index, String documentNumber) {
        return HttpRequest.newBuilder(decisionsUrl).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearerToken)
                .POST(HttpRequest.BodyPublishers.ofString(body(index, documentNumber), StandardCharsets.UTF_8))
                .build();
    }

    private static final Pattern EVIDENCE_ID = Pattern.compile("\"evidenceId\"\\s*:\\s*\"([^\"]+)\"");
    /** The channel the embedded default's notice-service serves through (notice.electronic-channel). */
    public static final String E_DELIVERY_CHANNEL = "e-delivery-platform";

    /**
     * Before its decisions: each enterprise's consent to electronic service (送达地址确认书, 《民事诉讼法》第九十条), as
     * an officer records it from the signed paper — the scan uploaded to {@code noticeBase/api/deliveries/evidence}
     * first, then {@code PUT /api/deliveries/consents/{uscc}} naming the channel, the address, the signing date and
     * the scan. Without it notice-service waits for an officer to serve each decision in person, and no decision
     * would reach {@code DualDeliveryCompleted} by itself.
     *
     * @param signedOn the signing date on the confirmation (not after the service's today)
     */
    public void registerConsents(java.net.http.HttpClient http, URI noticeBase, java.util.function.Supplier<String> bearer,
                                 java.time.LocalDate signedOn) throws IOException, InterruptedException {
        for (String uscc : usccs) {
            String boundary = "consent-" + uscc;
            var body = new java.io.ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"uscc\"\r\n\r\n" + uscc
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"送达地址确认书.pdf\""
                    + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(SCAN);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            var upload = http.send(HttpRequest.newBuilder(noticeBase.resolve("/api/deliveries/evidence"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + bearer.get())
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            Matcher evidence = EVIDENCE_ID.matcher(upload.body());
            if (upload.statusCode() != 201 || !evidence.find()) {
                throw new IOException("scan of the consent of " + uscc + ": " + upload.statusCode() + " " + upload.body());
            }
            String consent = "{\"channel\":\"" + E_DELIVERY_CHANNEL + "\",\"address\":\"" + uscc.toLowerCase()
                    + "@edelivery.example.cn\",\"signedOn\":\"" + signedOn + "\",\"evidenceId\":\"" + evidence.group(1) + "\"}";
            var put = http.send(HttpRequest.newBuilder(noticeBase.resolve("/api/deliveries/consents/" + uscc))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + bearer.get())
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(consent, StandardCharsets.UTF_8)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 200) {
                throw new IOException("consent of " + uscc + ": " + put.statusCode() + " " + put.body());
            }
        }
    }

    /** A one-page PDF standing in for the scan of the signed confirmation (notice-service checks the type by content). */
    private static final byte[] SCAN = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    /** The case id of a 201 answer's body, or null. */
    public static String caseId(String responseBody) {
        Matcher m = CASE_ID.matcher(responseBody == null ? "" : responseBody);
        return m.find() ? m.group(1) : null;
    }

    /** M valid USCCs: 91 (enterprise) + a Quanzhou division + organisation code with its GB 11714 check + mod-31 check. */
    static List<String> usccs(int m, String runId) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            String org8 = String.format("%08d", (Math.abs(runId.hashCode()) % 9000 + 1000) * 10000L % 100_000_000L + k);
            String body17 = "91350500" + org8 + Uscc.orgCodeCheckCharacter(org8);
            out.add(body17 + Uscc.checkCharacter(body17));
        }
        return out;
    }
}
