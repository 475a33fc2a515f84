package org.baomi.iam.internal.web;

import java.time.Clock;

import org.baomi.iam.internal.IamSecurityProperties;
import org.baomi.iam.internal.login.LoginStep;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * Deny by default. Two filter chains: the API (stateless, API tokens, problem+json) and the web application
 * (sessions in the database, form login with further steps, CSRF on every state-changing form, strict
 * security headers).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableJdbcHttpSession(tableName = "spring_session")
class SecurityConfiguration {

    /** Content-Security-Policy of every page: own scripts and styles only, no framing (clickjacking). */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * No Micrometer observation around each security filter, authentication and authorization: with the actuator's
     * registry present, Spring Security would otherwise wrap every filter of every request in an observation (measured
     * on the decision API: a tenth of a request's CPU, issue 3). Requests are still observed as a whole
     * ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiSecurity apiSecurity) throws Exception {
        http.securityMatcher("/api/**", "/fhir", "/fhir/**", "/actuator/prometheus")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(ApiResponseHeaders.CSP)))
                .authorizeHttpRequests(apiSecurity::authorize)
                .exceptionHandling(e -> e.authenticationEntryPoint(apiSecurity).accessDeniedHandler(apiSecurity));
        apiSecurity.configure(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, PasswordStepProvider passwordStep, LoginFlow loginFlow,
            WebDenialHandler denialHandler, IamSecurityProperties properties, Clock clock) throws Exception {
        // The password step is the web chain's only authentication manager: registered as a provider it would also
        // sit in the parent manager and run a second time after every failure, counting each wrong password twice.
        http.authenticationManager(new ProviderManager(passwordStep))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/assets/**", "/webjars/**", "/favicon.ico",
                                "/error", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/login/totp").hasAuthority(LoginStep.TOTP.authority())
                        .requestMatchers("/login/password").hasAuthority(LoginStep.CHANGE_PASSWORD.authority())
                        .requestMatchers("/login/enrol", "/login/enrol/**").hasAuthority(LoginStep.ENROL_TOTP.authority())
                        .anyRequest().hasAuthority(StaffAuthentication.LOGIN_COMPLETE))
                .formLogin(f -> f.loginPage("/login").loginProcessingUrl("/login")
                        .usernameParameter("username").passwordParameter("password")
                        .successHandler(loginFlow).failureHandler(loginFlow).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").addLogoutHandler(denialHandler)
                        .deleteCookies("BAOMI_SESSION"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.authenticationEntryPoint(denialHandler).accessDeniedHandler(denialHandler))
                .addFilterAfter(new SessionTimeoutFilter(properties.session(), clock), SecurityContextHolderFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }
}
