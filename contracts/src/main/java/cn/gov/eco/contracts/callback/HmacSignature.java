package cn.gov.eco.contracts.callback;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The signature on every HTTP message between a service and an outside platform (the electronic-delivery platform,
 * the external credit platform), both ways: HMAC-SHA256 with a shared secret over {@code <timestamp>.<body bytes>},
 * sent as {@value #SIGNATURE_HEADER}: {@code sha256=<hex>} beside {@value #TIMESTAMP_HEADER}: {@code <epoch
 * seconds>}. The timestamp is inside the signature, so a captured message cannot be replayed outside the allowed clock
 * skew; the receivers are idempotent besides. One copy for the services and the simulators (the contract between
 * them), plain JDK.
 */
public final class HmacSignature {

    public static final String SIGNATURE_HEADER = "X-Signature";
    public static final String TIMESTAMP_HEADER = "X-Signature-Timestamp";
    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public HmacSignature(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < 16) {
            throw new IllegalArgumentException("an HMAC secret needs at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The {@value #SIGNATURE_HEADER} value for a body sent at {@code epochSeconds}. */
    public String sign(long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(Long.toString(epochSeconds).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(body);
            return PREFIX + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The outcome of checking a received message's signature. */
    public enum Verdict { VALID, MISSING, MALFORMED, STALE, MISMATCH }

    /**
     * Checks a received message: both headers present, the timestamp within {@code maxSkew} of {@code now}, and the
     * signature equal (in constant time) to the one this secret gives.
     */
    public Verdict verify(String timestampHeader, String signatureHeader, byte[] body, Instant now, Duration maxSkew) {
        if (timestampHeader == null || signatureHeader == null) {
            return Verdict.MISSING;
        }
        long ts;
        try {
            ts = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        if (!signatureHeader.startsWith(PREFIX)) {
            return Verdict.MALFORMED;
        }
        if (Math.abs(now.getEpochSecond() - ts) > maxSkew.toSeconds()) {
            return Verdict.STALE;
        }
        byte[] expected = sign(ts, body).getBytes(StandardCharsets.US_ASCII);
        byte[] got = signatureHeader.trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, got) ? Verdict.VALID : Verdict.MISMATCH;
    }
}
