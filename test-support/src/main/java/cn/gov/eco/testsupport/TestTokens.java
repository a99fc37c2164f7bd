package cn.gov.eco.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real signed JWTs for the services' integration tests, without the authorization server: an RSA key whose public
 * JWK set is served over HTTP on loopback, as the identity provider serves {@code /oauth2/jwks}; tokens carry the
 * claims the authorization server issues ({@code roles}, {@code uscc}, {@code legal_qualified}, {@code agency}).
 * The services validate them exactly as in production: signature by the JWK set, issuer, expiry.
 */
public final class TestTokens {

    public static final String ISSUER = "http://test-issuer.localhost";
    private static TestTokens instance;

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final HttpServer jwks;
    private final Map<Persona, String> cache = new EnumMap<>(Persona.class);
    private volatile String otherJwkSetUri;

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            strangerKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            jwks.createContext("/oauth2/jwks", exchange -> {
                byte[] body = jwkSet().toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            jwks.start();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Also publish the keys of another issuer's JWK set (fetched on every request), e.g. the embedded authorization
     * server started by a system test with this class's {@link #ISSUER}: services then trust both kinds of token.
     */
    public void trustAlso(String otherJwkSetUri) {
        this.otherJwkSetUri = otherJwkSetUri;
    }

    private JWKSet jwkSet() {
        var keys = new java.util.ArrayList<com.nimbusds.jose.jwk.JWK>(List.of(key.toPublicJWK()));
        String other = otherJwkSetUri;
        if (other != null) {
            try {
                keys.addAll(JWKSet.load(java.net.URI.create(other).toURL()).getKeys());
            } catch (IOException | java.text.ParseException e) {
                // the other issuer is down: its tokens are not trusted meanwhile
            }
        }
        return new JWKSet(keys);
    }

    public static synchronized TestTokens get() {
        if (instance == null) {
            instance = new TestTokens();
        }
        return instance;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/oauth2/jwks";
    }

    /** The command-line arguments that make a service trust these tokens. */
    public List<String> serviceArgs() {
        return List.of("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwkSetUri());
    }

    /** {@code args} followed by {@link #serviceArgs()}: a service's command line that trusts these tokens. */
    public static String[] withServiceArgs(String... args) {
        var all = new java.util.ArrayList<>(List.of(args));
        all.addAll(get().serviceArgs());
        return all.toArray(String[]::new);
    }

    /** A valid token for one hour. */
    public synchronized String token(Persona persona) {
        return cache.computeIfAbsent(persona, p -> sign(key, p, Instant.now(), Duration.ofHours(1)));
    }

    /** A token that expired ten minutes ago (beyond any clock-skew allowance). */
    public String expiredToken(Persona persona) {
        return sign(key, persona, Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(110));
    }

    /** A well-formed token signed by a key the services do not trust, with the trusted key's id. */
    public String forgedToken(Persona persona) {
        return sign(strangerKey, persona, Instant.now(), Duration.ofHours(1));
    }

    private static String sign(RSAKey key, Persona p, Instant issuedAt, Duration validity) {
        var claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(p.username)
                .claim("preferred_username", p.username)
                .claim("name", p.displayName)
                .claim("roles", p.roles)
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(validity)))
                .jwtID(UUID.randomUUID().toString());
        if (!p.usccs.isEmpty()) {
            claims.claim("uscc", p.usccs);
        }
        if (p.roles.contains("LEGAL_REVIEWER")) {
            claims.claim("legal_qualified", p.legalQualified);
        }
        if (!p.isEnterprise() && p != Persona.DASHBOARD) {
            claims.claim("agency", Persona.AGENCY);
        }
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
