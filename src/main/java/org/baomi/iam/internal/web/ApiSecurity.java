package org.baomi.iam.internal.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.internal.token.ApiTokenAuthenticator;
import org.baomi.shared.ProblemFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * Security of {@code /api/**} and {@code /actuator/prometheus}: bearer API tokens ({@link ApiTokenFilter}),
 * scopes as authorities, and refusals as RFC 9457 problem+json with a message key, the trace id and a
 * translated detail, each audited with its reason (missing, unknown, expired, revoked token; missing scope).
 */
@Component
class ApiSecurity implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** Scope that reads the Prometheus metrics (monitoring systems get a token with it). */
    static final String METRICS_SCOPE = "ops:metrics:read";

    private final AuditTrail audit;
    private final ProblemFactory problems;
    private final ApiTokenAuthenticator authenticator;

    ApiSecurity(AuditTrail audit, ProblemFactory problems, ApiTokenAuthenticator authenticator) {
        this.audit = audit;
        this.problems = problems;
        this.authenticator = authenticator;
    }

    void configure(HttpSecurity http) {
        http.addFilterBefore(new ApiTokenFilter(authenticator, this), AnonymousAuthenticationFilter.class);
    }

    /**
     * Deny by default: every API request needs a valid token; endpoints check their scope themselves
     * (module APIs call {@code CallerPermissions.require}); the metrics endpoint, which has no module API, is
     * checked here.
     */
    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/actuator/prometheus").hasAuthority("SCOPE_" + METRICS_SCOPE)
                .anyRequest().authenticated();
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("path", bounded(request.getRequestURI()));
        String key = "error.unauthenticated";
        if (e instanceof ApiTokenRefusedException refused) {
            details.put("reason", refused.refusal().code());
            if (refused.tokenId() != null) {
                details.put("tokenId", refused.tokenId());
            }
            key = "iam.api-token.refused." + refused.refusal().code();
        } else {
            details.put("reason", "missing");
        }
        audit.recordIndependently(new AuditEntry(null, "api.unauthenticated", "endpoint", null, null,
                AuditOutcome.DENIED, key, details));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, e instanceof ApiTokenRefusedException
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        problems.write(request, response, problems.create(request, HttpStatus.UNAUTHORIZED, key), headers);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        audit.recordIndependently(new AuditEntry(null, "access.denied", "endpoint", null, null, AuditOutcome.DENIED,
                "error.forbidden", Map.of("path", bounded(request.getRequestURI()), "reason", "scope")));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        problems.write(request, response, problems.create(request, HttpStatus.FORBIDDEN, "error.forbidden"), headers);
    }

    private static String bounded(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
