package org.baomi.iam.internal.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.internal.login.LoginProgressToken;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * What a person sees when the web chain says no: the login page when nobody is signed in, the pending step
 * while a login is in progress, and otherwise the 403 page. Every denial of a signed-in person is audited
 * (deny by default; audit always). Also audits logouts.
 */
@Component
class WebDenialHandler implements AuthenticationEntryPoint, AccessDeniedHandler, LogoutHandler {

    private final AuditTrail audit;
    private final LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");

    WebDenialHandler(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", request.getContextPath() + "/login");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        loginPage.commence(request, response, e);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof LoginProgressToken progress) {
            response.sendRedirect(request.getContextPath() + progress.next().path());
            return;
        }
        audit.recordIndependently(new AuditEntry(null, "access.denied", "page", null, null, AuditOutcome.DENIED,
                "error.forbidden", Map.of("method", request.getMethod(), "path", boundedPath(request))));
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && !(authentication instanceof LoginProgressToken)) {
            audit.recordIndependently(new AuditEntry(null, "iam.logout", "account", null, null, AuditOutcome.ALLOWED,
                    null, Map.of()));
        }
    }

    private static String boundedPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.length() > 200 ? uri.substring(0, 200) : uri;
    }
}
