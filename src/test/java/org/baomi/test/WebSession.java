package org.baomi.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP session against the running test server: its own cookies, no automatic redirects, and
 * forms posted with the CSRF token read from the page, as a person's browser would.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private static final java.util.concurrent.atomic.AtomicInteger SOURCES = new java.util.concurrent.atomic.AtomicInteger();

    private final String base;
    private final String sourceAddress;
    private final HttpClient client;
    private String csrf;

    public WebSession(int port) {
        this.base = "http://localhost:" + port;
        int n = SOURCES.incrementAndGet();
        this.sourceAddress = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /** A GET with an API token, as an integration client would send it. */
    public HttpResponse<String> getWithBearer(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .GET().build());
    }

    /** Posts a form with the CSRF token of the last page fetched (fetches the page first when none yet). */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        if (csrf == null) {
            get(path);
        }
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", csrf);
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Signs in with the password step only; returns where the login sent the browser. */
    public String login(String staffNo, String password) {
        get("/login");
        HttpResponse<String> response = post("/login", Map.of("username", staffNo, "password", password));
        return response.headers().firstValue("Location").orElse("");
    }

    public HttpClient client() {
        return client;
    }

    /** The client address this session appears to come from (sent as X-Forwarded-For). */
    public String sourceAddress() {
        return sourceAddress;
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpRequest withSource = HttpRequest.newBuilder(request, (name, value) -> true)
                .header("X-Forwarded-For", sourceAddress)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "zh-CN,zh;q=0.9").build();
        try {
            return client.send(withSource, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
