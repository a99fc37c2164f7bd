package cn.gov.eco.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One scrape of a service's {@code /actuator/prometheus} (Prometheus text format, read without a token, as
 * Prometheus reads it): each series with its value.
 */
public record Scrape(Map<String, Double> series) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static Scrape of(String baseUrl) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/actuator/prometheus")).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(baseUrl + "/actuator/prometheus").isEqualTo(200);
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot scrape " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Scrape parse(String text) {
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (m.find()) {
                series.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
            }
        }
        return new Scrape(series);
    }

    /** The metric names (series names without labels). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        series.keySet().forEach(s -> names.add(s.contains("{") ? s.substring(0, s.indexOf('{')) : s));
        return names;
    }

    /** The sum of the series of {@code name} whose labels include every one of {@code labels} (name, value, ...). */
    public double sum(String name, String... labels) {
        double total = 0;
        for (var e : series.entrySet()) {
            String key = e.getKey();
            String metric = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
            if (metric.equals(name) && hasLabels(key, labels)) {
                total += e.getValue();
            }
        }
        return total;
    }

    /** Whether a series of {@code name} with these labels exists. */
    public boolean has(String name, String... labels) {
        return series.keySet().stream().anyMatch(k -> (k.equals(name) || k.startsWith(name + "{"))
                && hasLabels(k, labels));
    }

    /** The labels of a series key. */
    public static Map<String, String> labels(String key) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (key.contains("{")) {
            Matcher m = LABEL.matcher(key.substring(key.indexOf('{')));
            while (m.find()) {
                labels.put(m.group(1), m.group(2));
            }
        }
        return labels;
    }

    private static boolean hasLabels(String key, String... labels) {
        Map<String, String> present = labels(key);
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (!labels[i + 1].equals(present.get(labels[i]))) {
                return false;
            }
        }
        return true;
    }
}
