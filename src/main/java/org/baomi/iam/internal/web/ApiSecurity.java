package org.baomi.iam.internal.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security of {@code /api/**}: refusals as RFC 9457 problem+json with a message key, audited. The API token
 * filter is added to the chain in {@link #configure(HttpSecurity)}.
 */
@Component
class ApiSecurity implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AuditTrail audit;
    private final JsonMapper json;

    ApiSecurity(AuditTrail audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    void configure(HttpSecurity http) {
        // The API token filter is registered here by the API token feature.
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        audit.recordIndependently(new AuditEntry(null, "api.unauthenticated", "endpoint", null, null,
                AuditOutcome.DENIED, "error.unauthenticated", Map.of("path", bounded(request.getRequestURI()))));
        write(request, response, HttpStatus.UNAUTHORIZED, "error.unauthenticated");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        audit.recordIndependently(new AuditEntry(null, "access.denied", "endpoint", null, null, AuditOutcome.DENIED,
                "error.forbidden", Map.of("path", bounded(request.getRequestURI()))));
        write(request, response, HttpStatus.FORBIDDEN, "error.forbidden");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("messageKey", key);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private static String bounded(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
