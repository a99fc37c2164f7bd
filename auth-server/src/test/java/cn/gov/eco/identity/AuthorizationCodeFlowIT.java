package cn.gov.eco.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The portal's browser login, driven as a browser would: authorization request with PKCE (S256), the login form with
 * its CSRF token, the redirect back with the code, the code exchanged with the verifier.
 */
class AuthorizationCodeFlowIT {

    private static final String REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/portal";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static RunningAuthServer server;

    @BeforeAll
    static void start() {
        server = RunningAuthServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldSignInThroughTheLoginFormAndExchangeTheCodeWithItsVerifierForTokensWithTheAccountsClaims() throws Exception {
        HttpClient browser = RunningAuthServer.browser();
        String verifier = verifier();
        String state = "s-" + verifier.substring(0, 8);

        // 1. the portal sends the browser to the authorization endpoint; not signed in → the login form
        var authorize = send(browser, get(authorizeUrl(challenge(verifier), state, REDIRECT_URI)));
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(location(authorize)).isEqualTo(server.baseUrl + "/login");

        // 2. the login form carries a CSRF token
        var loginPage = send(browser, get(server.baseUrl + "/login"));
        assertThat(loginPage.statusCode()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(loginPage.body());
        assertThat(csrf.find()).as(loginPage.body()).isTrue();

        // 3. signing in returns the browser to the saved authorization request
        var login = send(browser, HttpRequest.newBuilder(URI.create(server.baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(RunningAuthServer.form(Map.of(
                        "username", "legal-reviewer", "password", "demo", "_csrf", csrf.group(1)))))
                .build());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(location(login)).startsWith(server.baseUrl + "/oauth2/authorize?");

        // 4. no consent screen: straight back to the portal with the code and the state
        var back = send(browser, get(location(login)));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        URI redirect = URI.create(location(back));
        assertThat(redirect.getScheme() + "://" + redirect.getAuthority() + redirect.getPath()).isEqualTo(REDIRECT_URI);
        Map<String, String> query = query(redirect);
        assertThat(query).containsEntry("state", state).containsKey("code");

        // 5. the public client exchanges the code with its verifier, no secret
        var token = exchange(query.get("code"), verifier);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonNode tokens = RunningAuthServer.json(token);
        Map<String, Object> access = server.verifiedClaims(tokens.get("access_token").asString());
        assertThat(access).containsEntry("sub", "legal-reviewer")
                .containsEntry("name", "王律")
                .containsEntry("preferred_username", "legal-reviewer")
                .containsEntry("roles", List.of("LEGAL_REVIEWER"))
                .containsEntry("legal_qualified", true)
                .containsEntry("agency", "泉州市生态环境局")
                .containsEntry("iss", server.baseUrl)
                .containsEntry("aud", List.of("portal"));
        Map<String, Object> id = server.verifiedClaims(tokens.get("id_token").asString());
        assertThat(id).containsEntry("sub", "legal-reviewer")
                .containsEntry("name", "王律")
                .containsEntry("roles", List.of("LEGAL_REVIEWER"))
                .containsEntry("legal_qualified", true);

        // 6. userinfo answers with the same claims for the access token
        var userInfo = RunningAuthServer.send(HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create(server.baseUrl + "/userinfo"))
                        .header("Authorization", "Bearer " + tokens.get("access_token").asString()).GET().build());
        assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
        JsonNode info = RunningAuthServer.json(userInfo);
        assertThat(info.get("sub").asString()).isEqualTo("legal-reviewer");
        assertThat(info.get("name").asString()).isEqualTo("王律");
        assertThat(info.get("legal_qualified").asBoolean()).isTrue();

        // 7. a code is good once
        var again = exchange(query.get("code"), verifier);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(RunningAuthServer.json(again).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void shouldLetThePublicPortalRefreshWithRotatingRefreshTokens() {
        HttpClient browser = RunningAuthServer.browser();
        String verifier = verifier();
        var exchanged = exchange(signInAndGetCode(browser, "credit-reviewer", verifier), verifier);
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        String firstRefresh = RunningAuthServer.json(exchanged).get("refresh_token").asString();

        var refreshed = refresh("portal", firstRefresh);

        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode tokens = RunningAuthServer.json(refreshed);
        assertThat(server.verifiedClaims(tokens.get("access_token").asString()))
                .containsEntry("sub", "credit-reviewer")
                .containsEntry("roles", List.of("CREDIT_REVIEWER"))
                .containsEntry("name", "周信用");
        String secondRefresh = tokens.get("refresh_token").asString();
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);

        // rotated: the first refresh token is spent
        var replayed = refresh("portal", firstRefresh);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(RunningAuthServer.json(replayed).get("error").asString()).isEqualTo("invalid_grant");
        // and it is the portal's alone: no other client may use it without its own credentials
        var otherClient = refresh("dashboard", secondRefresh);
        assertThat(otherClient.statusCode()).isEqualTo(401);
        assertThat(RunningAuthServer.json(otherClient).get("error").asString()).isEqualTo("invalid_client");
        assertThat(refresh("portal", secondRefresh).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseTheCodeWithoutTheRightVerifier() throws Exception {
        HttpClient browser = RunningAuthServer.browser();
        String verifier = verifier();
        String code = signInAndGetCode(browser, "enterprise-a", verifier);

        var wrongVerifier = exchange(code, verifier());

        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(RunningAuthServer.json(wrongVerifier).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void shouldRefuseAnAuthorizationRequestWithoutPkce() {
        HttpClient browser = RunningAuthServer.browser();
        String url = server.baseUrl + "/oauth2/authorize?response_type=code&client_id=portal&scope=openid"
                + "&redirect_uri=" + RunningAuthServer.enc(REDIRECT_URI) + "&state=x";

        var response = send(browser, get(url));

        // an invalid request to a registered redirect URI goes back to it with the error
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).startsWith(REDIRECT_URI).contains("error=invalid_request");
    }

    @Test
    void shouldNotRedirectToAnUnregisteredRedirectUri() {
        HttpClient browser = RunningAuthServer.browser();
        String url = authorizeUrl(challenge(verifier()), "x", "http://evil.example/callback");

        var response = send(browser, get(url));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void shouldShowAChineseSignInPageAndSayInChineseWhenThePasswordIsWrong() {
        HttpClient browser = RunningAuthServer.browser();
        send(browser, get(authorizeUrl(challenge(verifier()), "zh", REDIRECT_URI)));

        var page = send(browser, get(server.baseUrl + "/login"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"zh-CN\">", "统一身份认证", "账号", "密码")
                .doesNotContain("Please sign in", "Username", "Password");
        assertThat(send(browser, get(server.baseUrl + "/assets/sign-in.css")).statusCode()).isEqualTo(200);

        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        var wrong = send(browser, HttpRequest.newBuilder(URI.create(server.baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(RunningAuthServer.form(Map.of(
                        "username", "enterprise-a", "password", "not-the-password", "_csrf", csrf.group(1)))))
                .build());
        assertThat(location(wrong)).isEqualTo(server.baseUrl + "/login?error");
        var again = send(browser, get(location(wrong)));
        assertThat(again.body()).contains("账号或密码不正确").doesNotContain("Invalid credentials", "Bad credentials");
    }

    private static String signInAndGetCode(HttpClient browser, String username, String verifier) {
        send(browser, get(authorizeUrl(challenge(verifier), "st", REDIRECT_URI)));
        Matcher csrf = CSRF.matcher(send(browser, get(server.baseUrl + "/login")).body());
        assertThat(csrf.find()).isTrue();
        var login = send(browser, HttpRequest.newBuilder(URI.create(server.baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(RunningAuthServer.form(Map.of(
                        "username", username, "password", "demo", "_csrf", csrf.group(1)))))
                .build());
        var back = send(browser, get(location(login)));
        return query(URI.create(location(back))).get("code");
    }

    private static HttpResponse<String> exchange(String code, String verifier) {
        return RunningAuthServer.send(HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create(server.baseUrl + "/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(RunningAuthServer.form(Map.of(
                                "grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
                                "client_id", "portal", "code_verifier", verifier))))
                        .build());
    }

    private static HttpResponse<String> refresh(String clientId, String refreshToken) {
        return RunningAuthServer.send(HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create(server.baseUrl + "/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(RunningAuthServer.form(Map.of(
                                "grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId))))
                        .build());
    }

    private static String authorizeUrl(String challenge, String state, String redirectUri) {
        return server.baseUrl + "/oauth2/authorize?response_type=code&client_id=portal"
                + "&scope=" + RunningAuthServer.enc("openid profile")
                + "&redirect_uri=" + RunningAuthServer.enc(redirectUri)
                + "&state=" + state
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        return RunningAuthServer.send(client, request);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location header"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String verifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
