package org.baomi.privacy.internal.selfservice;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The patients' own filter chain for {@code /self-service/**} (ACC-5), ahead of the staff's web chain, which stays
 * as it is. A patient is no staff principal: the staff's security context is never loaded or saved here (a request
 * attribute repository), so a staff login in the same browser gives no staff rights on these pages and a patient
 * session gives none on staff pages. The patient's session is the service's (a token in the HTTP session, checked
 * by {@code SelfServicePortal} on every call). CSRF protection and the strict headers are those of the web chain.
 */
@Configuration(proxyBeanMethods = false)
class SelfServiceSecurity {

    /** The staff pages' Content-Security-Policy (iam's web chain), repeated: the patient pages load nothing else. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain selfServiceChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/self-service", "/self-service/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(r -> r.disable())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .cacheControl(c -> { })
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }
}
