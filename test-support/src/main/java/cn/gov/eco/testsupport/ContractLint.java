package cn.gov.eco.testsupport;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the contract checkers no one here wrote on what a running service serves: Redocly CLI's recommended ruleset
 * (with the justified exceptions of {@code contracts/lint/redocly.yaml}) on its OpenAPI document. The checkers are
 * installed by the contracts module's build ({@code contracts/lint/install.sh}, npm ci from the committed lockfile);
 * without node on the machine the check is skipped with a message.
 */
public final class ContractLint {

    private static final Pattern TOTAL = Pattern.compile("\"(errors|warnings)\"\\s*:\\s*(\\d+)");

    private ContractLint() {
    }

    /** What Redocly found: its totals and its report. */
    public record Result(int errors, int warnings, String report) {
    }

    /** Fetches {@code /v3/api-docs} from a running service and writes it to {@code target/openapi/<name>.json}. */
    public static Path servedOpenApi(int port, String name) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/v3/api-docs")).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as("/v3/api-docs of " + name).isEqualTo(200);
            Path out = Path.of("target", "openapi", name + ".json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, response.body(), StandardCharsets.UTF_8);
            return out;
        }
    }

    /** Lints {@code document} with Redocly CLI; skips the calling test when node is absent. */
    public static Result redocly(Path document) throws IOException, InterruptedException {
        Path lint = lintDirectory();
        Assumptions.assumeTrue(nodePresent(), "node is not on this machine: the Redocly lint is skipped");
        Path cli = lint.resolve("node_modules/@redocly/cli/bin/cli.js");
        assertThat(cli).as("contracts/lint/node_modules: the contracts build installs it (npm ci)").exists();
        Process p = new ProcessBuilder("node", cli.toString(), "lint", "--format=json",
                "--config", lint.resolve("redocly.yaml").toString(), document.toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("redocly lint finished").isTrue();
        int errors = -1;
        int warnings = -1;
        Matcher m = TOTAL.matcher(json);
        while (m.find()) {
            if (m.group(1).equals("errors") && errors < 0) {
                errors = Integer.parseInt(m.group(2));
            } else if (m.group(1).equals("warnings") && warnings < 0) {
                warnings = Integer.parseInt(m.group(2));
            }
        }
        assertThat(errors).as("Redocly's totals in its report:\n" + json).isNotNegative();
        return new Result(errors, warnings, json);
    }

    /** {@code contracts/lint} of this checkout, found from the module a test runs in. */
    static Path lintDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("contracts/lint"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("contracts/lint above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir.resolve("contracts/lint");
    }

    static boolean nodePresent() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
