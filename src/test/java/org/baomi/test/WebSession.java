package org.baomi.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP session against the running test server: its own cookies (the BAOMI_SESSION session
 * cookie), its own client address, no automatic redirects, browser-like Accept headers, and forms posted with
 * the CSRF token of the last page seen, as a person's browser would. The {@code api...} methods call the API as
 * an integration client does: a bearer token and no browser headers.
 */
public final class WebSession {

    /** One answer: status, body (also as bytes) and headers. */
    public record Page(int status, String body, byte[] bytes, HttpHeaders headers) {

        public String location() {
            return headers.firstValue("Location").orElse("");
        }

        /** Whether this is a redirect to the path (and query), absolute or relative. */
        public boolean redirectsTo(String path) {
            String target = location();
            if (target.startsWith("http://") || target.startsWith("https://")) {
                URI uri = URI.create(target);
                target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
            return (status == 302 || status == 303) && target.equals(path);
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");
    private static final Map<String, String> BROWSER_HEADERS = Map.of(
            "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language", "zh-CN,zh;q=0.9");

    /**
     * Each session comes from its own address (the test context honours X-Forwarded-For), so that the
     * per-source login throttle of one test never meets another's failures.
     */
    private static final AtomicInteger SOURCES = new AtomicInteger();

    private final String base;
    private final String sourceAddress;
    private final HttpClient client;
    private String csrf;

    public WebSession(int port) {
        this.base = "http://localhost:" + port;
        int n = SOURCES.incrementAndGet();
        this.sourceAddress = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Page get(String path) {
        return get(path, Map.of());
    }

    /** A GET with extra headers (say {@code HX-Request}), which win over the browser's own. */
    public Page get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        return send(request, browser(headers));
    }

    /** Posts a form with the CSRF token of the last page seen (fetches the page first when none yet). */
    public Page post(String path, Map<String, String> form) {
        if (csrf == null) {
            get(path);
        }
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", csrf);
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, BROWSER_HEADERS);
    }

    /** Signs in with the password step only; returns where the login sent the browser. */
    public String login(String staffNo, String password) {
        get("/login");
        return post("/login", Map.of("username", staffNo, "password", password)).location();
    }

    /**
     * Signs in through the login pages: password, then the next authenticator code when the person has a
     * second factor.
     *
     * @throws AssertionError when the login does not reach the home page
     */
    public WebSession signIn(TestAccounts.Created person, TestAccounts accounts) {
        get("/login");
        Page last = post("/login", Map.of("username", person.staffNo(), "password", person.password()));
        if (last.redirectsTo("/login/totp")) {
            get("/login/totp");
            last = post("/login/totp", Map.of("code", accounts.nextCode(person.totpSecret())));
        }
        if (!last.redirectsTo("/")) {
            throw new AssertionError("Sign-in of " + person.staffNo() + " did not complete: " + last.status() + " "
                    + last.location());
        }
        Page home = get("/");
        if (home.status() != 200) {
            throw new AssertionError("Home page after sign-in answered " + home.status());
        }
        return this;
    }

    /** An API GET with this bearer token (none when null) and extra headers as name, value pairs. */
    public Page apiGet(String path, String token, String... headers) {
        return send(api(HttpRequest.newBuilder(uri(path)).GET(), token), pairs(headers));
    }

    public Page apiPost(String path, String token, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        return send(api(request, token), pairs(headers));
    }

    public Page apiPostJson(String path, String token, String json, String... headers) {
        return apiPost(path, token, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** An API POST whose length is not declared: the body is sent in chunks. */
    public Page apiPostChunked(String path, String token, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .header("Content-Type", "application/json");
        return send(api(request, token), Map.of());
    }

    public HttpClient client() {
        return client;
    }

    /** The client address this session appears to come from (sent as X-Forwarded-For). */
    public String sourceAddress() {
        return sourceAddress;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Page send(HttpRequest.Builder request, Map<String, String> headers) {
        request.timeout(Duration.ofSeconds(30)).setHeader("X-Forwarded-For", sourceAddress);
        headers.forEach(request::setHeader);
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String body = new String(response.body(), StandardCharsets.UTF_8);
            Matcher m = CSRF.matcher(body);
            if (m.find()) {
                csrf = m.group(1);
            }
            return new Page(response.statusCode(), body, response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> browser(Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(BROWSER_HEADERS);
        headers.putAll(extra);
        return headers;
    }

    private static HttpRequest.Builder api(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static Map<String, String> pairs(String... headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return map;
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }
}
