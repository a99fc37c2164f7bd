package cn.gov.eco.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** With {@code identity.password-grant.enabled=false} there is neither a password grant nor a cli client. */
class PasswordGrantDisabledIT {

    @Test
    void shouldRefuseThePasswordGrantWhenItIsSwitchedOff() {
        try (var server = RunningAuthServer.start("--identity.password-grant.enabled=false")) {
            var response = server.passwordGrant("officer-lin", "demo");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(RunningAuthServer.json(response).get("error").asString()).isEqualTo("invalid_client");

            var dashboard = server.token("dashboard", "dashboard-secret",
                    Map.of("grant_type", "password", "username", "officer-lin", "password", "demo"));
            assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(400);
            assertThat(RunningAuthServer.json(dashboard).get("error").asString()).isEqualTo("unsupported_grant_type");
        }
    }
}
