package org.baomi.iam.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.internal.token.ApiClient;
import org.baomi.iam.internal.token.ApiTokenAuthentication;
import org.baomi.iam.internal.token.ApiTokenAuthenticator;
import org.baomi.iam.internal.web.ApiResponseHeaders;
import org.baomi.shared.BaomiException;
import org.baomi.shared.ProblemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The lean path of the decision API (issue 3: at least 5,000 single decisions/s over HTTP on two cores). A profile of
 * {@code POST /api/v1/access/decisions} showed a third of a request's CPU in servlet filters that do nothing for a
 * token-authenticated JSON call (session repository, the Security chain's session, CSRF, request cache and context
 * persistence filters, the server observation) and another third in Spring MVC's own handling, against a quarter in
 * the decision itself. This filter runs right after the trace id and body limit filters and answers the ordinary
 * calls itself, with the same pieces the controller uses: the bearer token through the same
 * {@link ApiTokenAuthenticator} (same cache, same issuable-scope filtering, ORG-5), scope
 * {@link AccessPermissions#DECISION_REQUEST}, {@link DecisionJson}, {@link DecisionRequests}, and
 * {@link AccessPolicy#check}/{@link AccessPolicy#checkAll}, which audit as before ({@code access.decision} per
 * single question, one {@code access.decisions} per batch, AUD-1), with the API's security headers
 * ({@link ApiResponseHeaders}) and the trace id header set by the trace id filter.
 *
 * <p><b>Same semantics by construction.</b> Everything that is not an ordinary call goes on to the normal path
 * (the Security chain, {@link AccessDecisionApiController} and the API's exception handlers), which answers and
 * audits it exactly as before: another method, media type or Accept header, a cookie (the audit record then names
 * the session), no or a refused bearer token (401, audited by the chain), a missing scope (403, audited), and every
 * question that is malformed or invalid, or a batch that is empty or too large: the body read here is handed on
 * unchanged, so the controller reads the same bytes and fails the same way (400/413 problem+json with translated
 * detail, trace id and message key). Only what can go wrong once a question is being decided (say, the audit write
 * failing) is answered here, as the API's exception handler would: the refusal's status, or 500 without internals.
 * The documentation of the endpoint stays on the controller (springdoc).
 */
class LeanDecisionFilter extends OncePerRequestFilter {

    static final String SINGLE = "/api/v1/access/decisions";
    static final String BATCH = SINGLE + "/batch";

    private static final Logger log = LoggerFactory.getLogger(LeanDecisionFilter.class);
    private static final String BEARER = "bearer ";
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final ApiTokenAuthenticator authenticator;
    private final AccessPolicy policy;
    private final DecisionRequests requests;
    private final DecisionJson json;
    private final ProblemFactory problems;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    /** Requests answered here rather than handed on (the server observation no longer counts them). */
    private final LongAdder answered = new LongAdder();

    LeanDecisionFilter(ApiTokenAuthenticator authenticator, AccessPolicy policy, DecisionRequests requests,
            DecisionJson json, ProblemFactory problems) {
        this.authenticator = authenticator;
        this.policy = policy;
        this.requests = requests;
        this.json = json;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Boolean batch = ordinaryCall(request);
        ApiTokenAuthentication caller = batch == null ? null : caller(request);
        if (caller == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (IOException e) {
            // Over the body limit (or the client gone): the controller's read fails the same way, and the API's
            // exception handler answers 413 (or 400) as before.
            chain.doFilter(new Replayed(request, null, e), response);
            return;
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(caller);
        holder.setContext(context);
        RequestAttributes previous = RequestContextHolder.getRequestAttributes();
        ServletRequestAttributes attributes = new ServletRequestAttributes(request, response);
        RequestContextHolder.setRequestAttributes(attributes);
        LocaleContextHolder.setLocale(request.getLocale());
        boolean done = false;
        try {
            done = batch ? decideAll(body, caller.getPrincipal(), request, response)
                    : decide(body, caller.getPrincipal(), request, response);
        } finally {
            holder.clearContext();
            LocaleContextHolder.resetLocaleContext();
            RequestContextHolder.setRequestAttributes(previous);
            attributes.requestCompleted();
        }
        if (!done) {
            chain.doFilter(new Replayed(request, body, null), response);
        }
    }

    /** How many requests this path has answered itself since the start. */
    long answered() {
        return answered.sum();
    }

    /** True when answered; false when the question is not decided here (the normal path then refuses it). */
    private boolean decide(byte[] body, ApiClient client, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        AccessRequest question;
        try {
            AccessDecisionRequest item = json.readQuestion(body, http);
            if (item == null) {
                return false;
            }
            question = requests.toRequests(List.of(item), client.client(), false).get(0);
        } catch (RuntimeException invalid) {
            return false;
        }
        byte[] answer;
        try {
            answer = json.writeAnswer(policy.check(question), DecisionTexts.localeOf(http));
        } catch (RuntimeException e) {
            failed(e, http, response);
            return true;
        }
        ok(answer, http, response);
        return true;
    }

    private boolean decideAll(byte[] body, ApiClient client, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        List<AccessRequest> questions;
        try {
            List<AccessDecisionRequest> items = json.readBatch(body, DecisionRequests.MAX_BATCH, http);
            if (items == null || items.isEmpty() || items.size() > DecisionRequests.MAX_BATCH) {
                return false;
            }
            questions = requests.toRequests(items, client.client(), true);
        } catch (RuntimeException invalid) {
            return false;
        }
        byte[] answers;
        try {
            List<AccessDecision> decisions = policy.checkAll(questions);
            answers = json.writeAnswers(decisions, DecisionTexts.localeOf(http));
        } catch (RuntimeException e) {
            failed(e, http, response);
            return true;
        }
        ok(answers, http, response);
        return true;
    }

    /**
     * {@code Boolean.FALSE} for an ordinary single call, {@code TRUE} for an ordinary batch, null for anything the
     * normal path answers: not a POST of JSON to exactly one of the two paths, an Accept header other than none,
     * {@code application/json} or {@code *}{@code /*}, or a cookie (the audit record of a request with a session
     * names it, which only the session filter can do).
     */
    private static Boolean ordinaryCall(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getHeader(HttpHeaders.COOKIE) != null) {
            return null;
        }
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (!uri.startsWith(context)) {
            return null;
        }
        Boolean batch = switch (uri.substring(context.length())) {
            case SINGLE -> Boolean.FALSE;
            case BATCH -> Boolean.TRUE;
            default -> null;
        };
        if (batch == null || !isJson(request.getContentType())) {
            return null;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || JSON.equals(accept) || MediaType.ALL_VALUE.equals(accept) ? batch : null;
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, JSON, 0, JSON.length())
                && (contentType.length() == JSON.length() || contentType.charAt(JSON.length()) == ';');
    }

    /** The caller when the bearer token is valid and holds the scope; null sends the request the normal way. */
    private ApiTokenAuthentication caller(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        ApiTokenAuthentication authentication = authenticator.authenticate(header.substring(BEARER.length()).strip())
                .authentication();
        // Scopes match exactly, as CallerPermissions.require checks them (tokens hold no wildcards).
        return authentication != null
                && authentication.getPrincipal().scopes().contains(AccessPermissions.DECISION_REQUEST)
                ? authentication : null;
    }

    private void ok(byte[] body, HttpServletRequest request, HttpServletResponse response) throws IOException {
        answered.increment();
        ApiResponseHeaders.write(request, response);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** As the API's exception handler answers a failure inside the controller. */
    private void failed(RuntimeException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        answered.increment();
        ApiResponseHeaders.write(request, response);
        if (e instanceof BaomiException refused) {
            problems.write(request, response, problems.create(request, ProblemFactory.statusOf(refused.kind()),
                    refused.messageKey(), refused.args()), null);
            return;
        }
        log.error("Unexpected error in API request", e);
        problems.write(request, response, problems.create(request, HttpStatus.INTERNAL_SERVER_ERROR,
                "error.internal"), null);
    }

    /** The request with its body already read: handed on, the same bytes (or the same read failure) again. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;
        private final IOException failure;

        Replayed(HttpServletRequest request, byte[] body, IOException failure) {
            super(request);
            this.body = body;
            this.failure = failure;
        }

        private ServletInputStream stream;

        @Override
        public ServletInputStream getInputStream() {
            if (stream == null) {
                ByteArrayInputStream in = new ByteArrayInputStream(body == null ? new byte[0] : body);
                stream = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        if (failure != null) {
                            throw failure;
                        }
                        return in.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (failure != null) {
                            throw failure;
                        }
                        return in.read(b, off, len);
                    }

                    @Override
                    public boolean isFinished() {
                        return failure == null && in.available() == 0;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new UnsupportedOperationException("blocking reads only");
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }
}
