package org.baomi.shared.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.shared.ProblemFactory;
import org.baomi.shared.TraceIds;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

@Component
class MessageProblemFactory implements ProblemFactory {

    private static final int MAX_INSTANCE = 200;

    private final MessageSource messages;
    private final JsonMapper json;

    MessageProblemFactory(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    public ProblemDetail create(HttpServletRequest request, HttpStatusCode status, String messageKey, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? null : known.getReasonPhrase());
        problem.setDetail(translate(request, messageKey, args));
        String path = request.getRequestURI();
        if (path != null && path.length() <= MAX_INSTANCE && path.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            problem.setInstance(URI.create(path));
        }
        problem.setProperty("messageKey", messageKey);
        problem.setProperty("traceId", TraceIds.of(request));
        return problem;
    }

    @Override
    public String translate(HttpServletRequest request, String messageKey, Object... args) {
        return messages.getMessage(messageKey, args, messageKey, localeOf(request));
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
            HttpHeaders headers) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        if (headers != null) {
            headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        }
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(asMap(problem)));
        response.flushBuffer();
    }

    /** The RFC 9457 members and the extension members side by side, as the MVC message converters write them. */
    private static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (problem.getType() != null) {
            body.put("type", problem.getType().toString());
        }
        if (problem.getTitle() != null) {
            body.put("title", problem.getTitle());
        }
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /**
     * The API's language comes from Accept-Language (integration clients have no language cookie): English
     * when asked for before Chinese, Simplified Chinese otherwise.
     */
    static Locale localeOf(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        Enumeration<Locale> locales = request.getLocales();
        while (locales.hasMoreElements()) {
            String language = locales.nextElement().getLanguage();
            if ("en".equals(language)) {
                return Locale.ENGLISH;
            }
            if ("zh".equals(language)) {
                return Locale.SIMPLIFIED_CHINESE;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }
}
