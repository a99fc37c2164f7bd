package cn.gov.eco.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auth server started in this JVM as the system tests start it: {@code spring.config.name=auth-server},
 * {@code --server.port=0}, and {@code --identity.issuer=} (empty) so that the issuer is derived from the requests,
 * i.e. {@code http://localhost:<random port>}.
 */
final class RunningAuthServer implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final ConfigurableApplicationContext context;
    final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private RunningAuthServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    static RunningAuthServer start(String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--identity.issuer="));
        args.addAll(List.of(extraArgs));
        return new RunningAuthServer(new SpringApplicationBuilder(AuthServerApplication.class)
                .properties("spring.config.name=" + AuthServerApplication.CONFIG_NAME)
                .run(args.toArray(String[]::new)));
    }

    @Override
    public void close() {
        context.close();
    }

    /** A browser: keeps cookies, does not follow redirects by itself. */
    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path) {
        return send(http, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    /** POST /oauth2/token with HTTP Basic client authentication (client_secret_basic), as curl -u does. */
    HttpResponse<String> token(String clientId, String secret, Map<String, String> form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    HttpResponse<String> passwordGrant(String username, String password) {
        return token("cli", "cli-secret", Map.of("grant_type", "password", "username", username, "password", password));
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /**
     * The token's claims after checking its RS256 signature against the key that {@code /oauth2/jwks} publishes under
     * the token's {@code kid}.
     */
    Map<String, Object> verifiedClaims(String jwt) {
        try {
            SignedJWT signed = SignedJWT.parse(jwt);
            JWKSet keys = JWKSet.parse(get("/oauth2/jwks").body());
            RSAKey key = (RSAKey) keys.getKeyByKeyId(signed.getHeader().getKeyID());
            if (key == null) {
                throw new AssertionError("no key " + signed.getHeader().getKeyID() + " at /oauth2/jwks");
            }
            JWSVerifier verifier = new RSASSAVerifier(key.toRSAPublicKey());
            if (!signed.verify(verifier)) {
                throw new AssertionError("the token's signature does not verify against /oauth2/jwks");
            }
            return new LinkedHashMap<>(signed.getJWTClaimsSet().getClaims());
        } catch (ParseException | com.nimbusds.jose.JOSEException e) {
            throw new AssertionError("not a verifiable JWT: " + e.getMessage(), e);
        }
    }
}
