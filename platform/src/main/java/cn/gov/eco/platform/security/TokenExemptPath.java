package cn.gov.eco.platform.security;

import java.util.Objects;

/**
 * An endpoint that an outside system calls, authenticated by the endpoint itself (e.g. an HMAC signature with a
 * shared secret) instead of a person's bearer token. A service declares one as a bean; the platform's filter chain
 * then lets requests to it through without a token, and logs the exemption at start. It cannot lie under
 * {@code /api/**} (where every handler needs an {@link Access} rule and a token) or {@code /actuator/**}, and every
 * one is listed in the authorization matrix test, which checks that an unsigned call is refused with 401.
 *
 * @param pattern         the path pattern, e.g. {@code /callbacks/edelivery/arrivals}
 * @param authenticatedBy how the endpoint authenticates its caller instead, for the log and the documentation
 */
public record TokenExemptPath(String pattern, String authenticatedBy) {

    public TokenExemptPath {
        Objects.requireNonNull(pattern, "pattern");
        if (authenticatedBy == null || authenticatedBy.isBlank()) {
            throw new IllegalArgumentException("a token-exempt path must say how it authenticates its caller");
        }
        if (!pattern.startsWith("/") || pattern.startsWith("/api/") || pattern.equals("/api")
                || pattern.startsWith("/actuator") || pattern.contains("**")) {
            throw new IllegalArgumentException("a token-exempt path lies outside /api/** and /actuator/** and names "
                    + "its endpoints, got " + pattern);
        }
    }
}
