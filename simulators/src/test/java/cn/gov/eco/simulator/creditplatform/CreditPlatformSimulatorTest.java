package cn.gov.eco.simulator.creditplatform;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class CreditPlatformSimulatorTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static HttpResponse<String> post(CreditPlatformSimulator sim, String path, String key, String body)
            throws Exception {
        var b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRecordAResultOnceWhateverTheNumberOfTimesItIsSent() throws Exception {
        try (var sim = CreditPlatformSimulator.start(0)) {
            var first = post(sim, "/api/repair-results", "app-1", "{\"uscc\":\"91350500MA2Y0001XX\"}");
            var again = post(sim, "/api/repair-results", "app-1", "{\"uscc\":\"91350500MA2Y0001XX\"}");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).contains("CC-REPAIR-000001").contains("\"duplicate\":false");
            assertThat(again.body()).contains("CC-REPAIR-000001").contains("\"duplicate\":true");
            assertThat(sim.received()).isEqualTo(2);
            assertThat(sim.distinct()).isEqualTo(1);
            assertThat(sim.duplicates()).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseWhileFailingAndWithoutAKeyAndRecordNothing() throws Exception {
        try (var sim = CreditPlatformSimulator.start(0)) {
            assertThat(post(sim, "/admin/mode?fail=true", null, "").statusCode()).isEqualTo(200);
            assertThat(post(sim, "/api/repair-results", "app-2", "{\"uscc\":\"x\"}").statusCode()).isEqualTo(503);
            sim.setFailing(false);
            assertThat(post(sim, "/api/repair-results", null, "{\"uscc\":\"x\"}").statusCode()).isEqualTo(400);
            assertThat(sim.distinct()).isZero();
            assertThat(sim.refused()).isEqualTo(2);
            var state = CLIENT.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/admin/state")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(state.body()).contains("\"received\":2").contains("\"failing\":false");
        }
    }
}
