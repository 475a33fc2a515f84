package org.baomi.iam.web;

import io.micrometer.observation.ObservationPredicate;
import org.baomi.iam.AccessPolicy;
import org.baomi.iam.internal.token.ApiTokenAuthenticator;
import org.baomi.shared.ProblemFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;

@Configuration(proxyBeanMethods = false)
class LeanDecisionConfiguration {

    /**
     * The decision API's lean path (issue 3): after the trace id filter (the answer carries its header) and the API
     * body limit (an oversize body is never read), before everything else, the session filter and the Security chain
     * included, which it replaces for ordinary calls only ({@link LeanDecisionFilter}).
     */
    @Bean
    FilterRegistrationBean<LeanDecisionFilter> leanDecisionFilter(ApiTokenAuthenticator authenticator,
            AccessPolicy policy, DecisionRequests requests, DecisionJson json, ProblemFactory problems) {
        FilterRegistrationBean<LeanDecisionFilter> registration = new FilterRegistrationBean<>(
                new LeanDecisionFilter(authenticator, policy, requests, json, problems));
        registration.addUrlPatterns(LeanDecisionFilter.SINGLE, LeanDecisionFilter.BATCH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * No {@code http.server.requests} observation of the two decision paths: Micrometer's server observation filter
     * runs before every filter of Baomi's but the trace id filter and was about 6% of a single decision's CPU
     * (issue 3). The decision point's own audit records count and time every decision instead.
     */
    @Bean
    ObservationPredicate noDecisionApiObservation() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && LeanDecisionFilter.isDecisionPath(server.getCarrier()));
    }
}
