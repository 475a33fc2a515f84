package org.baomi.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person at a browser, seen from HTTP: keeps its cookies, follows no redirects (the tests look at them),
 * and sends the CSRF token of the page it last read with every form, as a browser would.
 */
final class WebVisitor {

    /** What came back: status, body, and the path (with query) of a redirect, if any. */
    record Reply(int status, String body, String location) {

        /** The redirect target as a path with query, e.g. {@code /login?error=locked}. */
        String redirectPath() {
            if (location == null) {
                return null;
            }
            URI uri = URI.create(location);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
    }

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final HttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    WebVisitor(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static WebVisitor onPort(int port) {
        return new WebVisitor("http://localhost:" + port);
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    /** Posts a form with the CSRF token of the page at {@code formPage}, read just before. */
    Reply submit(String formPage, String action, Map<String, String> fields) {
        Reply page = get(formPage);
        if (page.status() != 200) {
            throw new IllegalStateException("The form page " + formPage + " answered " + page.status());
        }
        return post(action, page.body(), fields);
    }

    /** Posts a form with the CSRF token found in {@code pageHtml} (hidden field or meta tag). */
    Reply post(String action, String pageHtml, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrfToken(pageHtml));
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The password step of the login page; returns where the application sends the person next. */
    String signIn(String staffNo, String password) {
        Reply reply = submit("/login", "/login", Map.of("username", staffNo, "password", password));
        if (reply.status() != 302) {
            throw new IllegalStateException("The login answered " + reply.status() + " instead of a redirect");
        }
        return reply.redirectPath();
    }

    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    static String csrfToken(String html) {
        Matcher input = CSRF_INPUT.matcher(html);
        if (input.find()) {
            return input.group(1);
        }
        Matcher meta = CSRF_META.matcher(html);
        if (meta.find()) {
            return meta.group(1);
        }
        throw new IllegalStateException("No CSRF token on the page");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String header : response.headers().allValues("Set-Cookie")) {
                remember(header);
            }
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        boolean expired = value.isEmpty() || setCookie.toLowerCase(Locale.ROOT).contains("max-age=0");
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
