package org.baomi.iam.internal.web;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.baomi.iam.internal.IamSecurityProperties;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Idle and absolute session time-outs (ACC-7), measured with Baomi's clock. Spring Session also expires idle
 * sessions in the database; this filter makes both limits exact and testable.
 */
class SessionTimeoutFilter extends OncePerRequestFilter {

    /**
     * The last-activity mark is written at most this often: every write is a database update of the shared
     * session, and a minute's imprecision on a fifteen-minute idle limit costs nothing.
     */
    static final long LAST_SEEN_RESOLUTION_MILLIS = 30_000;

    /**
     * Sent by requests that a page makes by itself (the notification bell's count, polled every minute): they do
     * not count as the person's activity, or an open page would keep its session alive for ever (ACC-7).
     */
    static final String BACKGROUND_HEADER = "X-Baomi-Background";

    private final IamSecurityProperties.Session limits;
    private final Clock clock;

    SessionTimeoutFilter(IamSecurityProperties.Session limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(LoginFlow.SESSION_STARTED_AT) instanceof Long startedAt) {
            long now = clock.millis();
            Object seen = session.getAttribute(LoginFlow.SESSION_LAST_SEEN);
            long lastSeen = seen instanceof Long l ? l : startedAt;
            boolean idle = now - lastSeen > limits.idleTimeout().toMillis();
            boolean tooOld = now - startedAt > limits.absoluteTimeout().toMillis();
            if (idle || tooOld) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                String target = request.getContextPath() + "/login?expired=" + (idle ? "idle" : "absolute");
                if (request.getHeader("HX-Request") != null) {
                    response.setHeader("HX-Redirect", target);
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                } else if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                } else {
                    response.sendRedirect(target);
                }
                return;
            }
            if (now - lastSeen >= LAST_SEEN_RESOLUTION_MILLIS && request.getHeader(BACKGROUND_HEADER) == null) {
                session.setAttribute(LoginFlow.SESSION_LAST_SEEN, now);
            }
        }
        chain.doFilter(request, response);
    }

    /** Static assets neither need nor extend a session (and loading it would cost a database round trip). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/assets/") || path.startsWith("/webjars/") || path.equals("/favicon.ico")
                || path.startsWith("/actuator/health");
    }
}
