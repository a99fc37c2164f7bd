package cn.gov.eco.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenExemptPathTest {

    @Test
    void shouldAcceptACallbackPathThatSaysHowItAuthenticates() {
        assertThat(new TokenExemptPath("/callbacks/edelivery/arrivals", "HMAC").pattern())
                .isEqualTo("/callbacks/edelivery/arrivals");
    }

    @Test
    void shouldNeverExemptTheApiTheActuatorOrAWildcardOrAnUnexplainedPath() {
        assertThatThrownBy(() -> new TokenExemptPath("/api/deliveries/x", "HMAC"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenExemptPath("/actuator/circuitbreakers", "HMAC"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenExemptPath("/callbacks/**", "HMAC"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenExemptPath("/callbacks/x", " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
