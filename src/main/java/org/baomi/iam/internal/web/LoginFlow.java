package org.baomi.iam.internal.web;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.baomi.iam.internal.IamSecurityProperties;
import org.baomi.iam.internal.login.LoginProgressToken;
import org.baomi.iam.internal.login.LoginRefusedException;
import org.baomi.iam.internal.login.LoginService;
import org.baomi.iam.internal.login.LoginStep;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Moves a session through the login steps. Each step that raises the session's privileges gets a new
 * session id (fixation protection); the completed login records when the session started, for the absolute
 * time-out, and ends the person's other sessions when the single-session rule is on.
 */
@Component
public class LoginFlow implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    public static final String SESSION_STARTED_AT = "baomi.session.startedAt";
    public static final String SESSION_LAST_SEEN = "baomi.session.lastSeen";

    private final LoginService loginService;
    private final IamSecurityProperties properties;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final Clock clock;
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final RequestCache requestCache = new HttpSessionRequestCache();

    LoginFlow(LoginService loginService, IamSecurityProperties properties,
            FindByIndexNameSessionRepository<? extends Session> sessions, Clock clock) {
        this.loginService = loginService;
        this.properties = properties;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** After the password step (form login). */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        proceed(request, response, (LoginProgressToken) authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String code = exception instanceof LoginRefusedException refused ? refused.code()
                : LoginRefusedException.Reason.BAD_CREDENTIALS.code();
        response.sendRedirect(request.getContextPath() + "/login?error=" + code);
    }

    /** Shows the next step, or completes the login. */
    public void proceed(HttpServletRequest request, HttpServletResponse response, LoginProgressToken progress)
            throws IOException {
        if (progress.next() == LoginStep.COMPLETE) {
            complete(request, response, progress);
            return;
        }
        store(request, response, progress);
        response.sendRedirect(request.getContextPath() + progress.next().path());
    }

    private void complete(HttpServletRequest request, HttpServletResponse response, LoginProgressToken progress)
            throws IOException {
        StaffAuthentication authentication = loginService.complete(progress, request.getRemoteAddr());
        store(request, response, authentication);
        HttpSession session = request.getSession();
        session.setAttribute(SESSION_STARTED_AT, clock.millis());
        session.setAttribute(SESSION_LAST_SEEN, clock.millis());
        if (properties.session().singleSession()) {
            endOtherSessions(authentication.getName(), session.getId());
        }
        SavedRequest saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        String target = saved != null && saved.getRedirectUrl() != null && isLocalPage(request, saved.getRedirectUrl())
                ? saved.getRedirectUrl() : request.getContextPath() + "/";
        response.sendRedirect(target);
    }

    /** Ends every session of the person except {@code keepId} (null: all of them). */
    public int endOtherSessions(String principalName, String keepId) {
        Map<String, ? extends Session> found = sessions.findByPrincipalName(principalName);
        int ended = 0;
        for (String id : found.keySet()) {
            if (!id.equals(keepId)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }

    private void store(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        request.getSession(true);
        request.changeSessionId();
        contextRepository.saveContext(context, request, response);
    }

    private static boolean isLocalPage(HttpServletRequest request, String url) {
        String origin = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
        return url.startsWith(origin + request.getContextPath() + "/") && !url.contains("/api/")
                && !url.contains("/login");
    }
}
