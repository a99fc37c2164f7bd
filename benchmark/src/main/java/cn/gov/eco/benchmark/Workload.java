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
