package cn.gov.eco.contracts.callback;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HmacSignatureTest {

    private static final HmacSignature SIGNER = new HmacSignature("a-shared-secret-of-enough-length");
    private static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    private static final byte[] BODY = "{\"deliveryId\":\"d-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldAcceptWhatTheSameSecretSigned() {
        String sig = SIGNER.sign(NOW.getEpochSecond(), BODY);
        assertThat(sig).startsWith("sha256=").hasSize(7 + 64);
        assertThat(SIGNER.verify(Long.toString(NOW.getEpochSecond()), sig, BODY, NOW, Duration.ofMinutes(5)))
                .isEqualTo(HmacSignature.Verdict.VALID);
    }

    @Test
    void shouldRefuseAnotherSecretAChangedBodyAChangedTimestampAndAStaleOne() {
        long ts = NOW.getEpochSecond();
        String sig = SIGNER.sign(ts, BODY);
        var other = new HmacSignature("another-secret-of-enough-length");
        assertThat(other.verify(Long.toString(ts), sig, BODY, NOW, Duration.ofMinutes(5)))
                .isEqualTo(HmacSignature.Verdict.MISMATCH);
        assertThat(SIGNER.verify(Long.toString(ts), sig, "{\"deliveryId\":\"d-2\"}".getBytes(StandardCharsets.UTF_8),
                NOW, Duration.ofMinutes(5))).isEqualTo(HmacSignature.Verdict.MISMATCH);
        assertThat(SIGNER.verify(Long.toString(ts + 1), sig, BODY, NOW, Duration.ofMinutes(5)))
                .isEqualTo(HmacSignature.Verdict.MISMATCH);
        assertThat(SIGNER.verify(Long.toString(ts), sig, BODY, NOW.plusSeconds(301), Duration.ofMinutes(5)))
                .isEqualTo(HmacSignature.Verdict.STALE);
        assertThat(SIGNER.verify(null, sig, BODY, NOW, Duration.ofMinutes(5))).isEqualTo(HmacSignature.Verdict.MISSING);
        assertThat(SIGNER.verify("yesterday", sig, BODY, NOW, Duration.ofMinutes(5)))
                .isEqualTo(HmacSignature.Verdict.MALFORMED);
        assertThat(SIGNER.verify(Long.toString(ts), sig.substring(7), BODY, NOW, Duration.ofMinutes(5)))
                .isEqualTo(HmacSignature.Verdict.MALFORMED);
    }

    @Test
    void shouldRefuseAShortSecret() {
        assertThatThrownBy(() -> new HmacSignature("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
