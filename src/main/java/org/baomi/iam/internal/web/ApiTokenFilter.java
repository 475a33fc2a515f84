package org.baomi.iam.internal.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.iam.internal.token.ApiTokenAuthentication;
import org.baomi.iam.internal.token.ApiTokenAuthenticator;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer bm_...} on the API chain. A valid token authenticates the request with its
 * scopes; an unknown, expired or revoked one is refused at once (401, audited with the reason). Without a
 * bearer token the request goes on unauthenticated and the chain's rules refuse it. Not a bean, so that it
 * runs in the API chain only.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final ApiTokenAuthenticator authenticator;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    ApiTokenFilter(ApiTokenAuthenticator authenticator, AuthenticationEntryPoint entryPoint) {
        this.authenticator = authenticator;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        ApiTokenAuthenticator.Outcome outcome = authenticator.authenticate(header.substring(BEARER.length()).strip());
        if (outcome.authentication() == null) {
            holder.clearContext();
            entryPoint.commence(request, response, new ApiTokenRefusedException(outcome.refusal(), outcome.tokenId()));
            return;
        }
        ApiTokenAuthentication authentication = outcome.authentication();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        chain.doFilter(request, response);
    }
}
