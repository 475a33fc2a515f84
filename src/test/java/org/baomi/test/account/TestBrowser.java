package org.baomi.test.account;

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
 * A browser over real HTTP for the tests: keeps its cookies (the BAOMI_SESSION session cookie), never follows
 * redirects, and sends the CSRF token of the last page it saw with every form.
 */
public final class TestBrowser {

    /** One answer: status, body and the redirect target if any. */
    public record Page(int status, String body, byte[] bytes, java.net.http.HttpHeaders headers) {

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

    /** Each browser comes from its own address (used when the server honours X-Forwarded-For), so that the
     * per-source login throttle of one test never meets another's failures. */
    private static final java.util.concurrent.atomic.AtomicInteger SOURCES = new java.util.concurrent.atomic.AtomicInteger();

    private final String base;
    private final String sourceAddress;
    private final HttpClient client;
    private String csrf;

    public TestBrowser(int port) {
        this.base = "http://localhost:" + port;
        int n = SOURCES.incrementAndGet();
        this.sourceAddress = "172.16." + (n >> 8 & 255) + "." + (n & 255);
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Page get(String pathAndQuery) {
        return get(pathAndQuery, Map.of());
    }

    public Page get(String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** A form post carrying the CSRF token of the last page seen. */
    public Page post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.put("_csrf", csrf);
        }
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Signs in through the login pages: password, then the code when the person has a second factor.
     *
     * @throws AssertionError when the login does not reach the home page
     */
    public TestBrowser signIn(TestPeople.Person person, TestPeople people) {
        get("/login");
        Page afterPassword = post("/login", Map.of("username", person.staffNo(), "password", person.password()));
        Page last = afterPassword;
        if (afterPassword.redirectsTo("/login/totp")) {
            get("/login/totp");
            last = post("/login/totp", Map.of("code", people.nextCode(person.totpSecret())));
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

    private Page send(HttpRequest.Builder request) {
        try {
            request.header("X-Forwarded-For", sourceAddress);
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

    public String sourceAddress() {
        return sourceAddress;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
