package cn.gov.eco.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Real HTTP against a running service, as a person's browser or curl would do it; with a bearer token once
 * {@link #as(Persona)} or {@link #withToken(String)} names who is calling.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;

    public Http(String baseUrl) {
        this(baseUrl, null);
    }

    private Http(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public static Http localhost(int port) {
        return new Http("http://localhost:" + port);
    }

    /** The same service, called with a token of {@link TestTokens} for this persona. */
    public Http as(Persona persona) {
        return withToken(TestTokens.get().token(persona));
    }

    public Http withToken(String accessToken) {
        return new Http(baseUrl, accessToken);
    }

    /** Without any token. */
    public Http anonymous() {
        return new Http(baseUrl, null);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any method, with an optional body of the given content type. */
    public HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = request(path);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(request, (n, v) -> true).timeout(Duration.ofSeconds(30)).build(),
                    handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
