package cn.gov.eco.testsupport;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' alert rules and dashboard of {@code deploy/observability/}, and Prometheus' own {@code promtool}
 * to evaluate a rule against series a test scraped (installed by {@code deploy/observability/ensure-promtool.sh},
 * which {@code ./test} runs; without it the evaluation is skipped with a message).
 */
public final class AlertRules {

    /** Metric names as the rules and panels write them: the services' prefixes (not header names such as kafka_dlt-*). */
    private static final Pattern METRIC = Pattern.compile(
            "\\b((?:lifecycle|resilience4j|http_server|jvm|process|system|kafka|mongodb|executor|tomcat|logback)_[a-z0-9_]++)(?![-.])");

    private AlertRules() {
    }

    public static Path observabilityDirectory() {
        return ContractLint.lintDirectory().getParent().getParent().resolve("deploy/observability");
    }

    public static Path rules() {
        return observabilityDirectory().resolve("prometheus/alerts.yml");
    }

    public static Path dashboard() {
        return observabilityDirectory().resolve("grafana/dashboards/lifecycle.json");
    }

    /** Every metric name the rules and the dashboard's panels read (not {@code up}, which Prometheus records). */
    public static List<String> metricsNamed() throws IOException {
        String text = Files.readString(rules(), StandardCharsets.UTF_8) + "\n"
                + Files.readString(dashboard(), StandardCharsets.UTF_8);
        Matcher m = METRIC.matcher(text);
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return List.copyOf(names);
    }

    /** The expression of alert {@code alert} in the rules file. */
    @SuppressWarnings("unchecked")
    public static String expression(String alert) throws IOException {
        Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(Files.readString(rules(), StandardCharsets.UTF_8));
        for (Object g : (List<Object>) doc.get("groups")) {
            for (Object r : (List<Object>) ((Map<String, Object>) g).get("rules")) {
                Map<String, Object> rule = (Map<String, Object>) r;
                if (alert.equals(rule.get("alert"))) {
                    return ((String) rule.get("expr")).trim();
                }
            }
        }
        throw new AssertionError("no alert " + alert + " in " + rules());
    }

    /**
     * Evaluates alert {@code alert}'s expression with Prometheus' own engine ({@code promtool test rules}, a
     * {@code promql_expr_test}): {@code series} (a series as scraped, with its labels) takes {@code values} one minute
     * apart; at the last of them the expression must return exactly one sample, with {@code labels} and
     * {@code value} — the alert fires.
     *
     * @return promtool's report; the calling test is skipped when promtool is absent
     */
    public static String promtoolExpectsFiring(String series, List<Double> values, String alert, String labels,
                                               double value) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")) || onPath("promtool"),
                "promtool is not on this machine (deploy/observability/ensure-promtool.sh installs it):"
                        + " the alert evaluation is skipped");
        String valueList = values.stream().map(AlertRules::number).collect(Collectors.joining(" "));
        String test = """
                rule_files:
                  - %s
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                      - series: %s
                        values: '%s'
                    promql_expr_test:
                      - expr: %s
                        eval_time: %dm
                        exp_samples:
                          - labels: %s
                            value: %s
                """.formatted(quote(rules().toAbsolutePath().toString()), quote(series), valueList,
                quote(expression(alert)), values.size() - 1, quote(labels), number(value));
        Path file = Path.of("target", "promtool", alert + "-test.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, test, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("promtool", "test", "rules", file.toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("promtool test rules " + file + ":\n" + test + "\n" + out).isZero();
        return out;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version").start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
