package org.baomi.iam.internal.web;

import java.time.Clock;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.baomi.iam.internal.IamSecurityProperties;
import org.baomi.iam.internal.login.StaffAuthentication;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The API's documentation: OpenAPI at {@code /v3/api-docs} and Swagger UI at {@code /swagger-ui.html}, for
 * signed-in staff (integrators read it with a person's account; the API itself takes tokens only). The
 * documentation JSON is served on the web chain; Swagger UI gets a chain of its own only to relax the
 * Content-Security-Policy for its inline styles, there and nowhere else.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static final String BEARER_SCHEME = "api-token";

    /** As {@link SecurityConfiguration#CSP}, but Swagger UI renders with inline styles. */
    static final String SWAGGER_UI_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    OpenAPI baomiOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Baomi API").version("v1")
                        .description("Integration API of Baomi, the hospital confidentiality and information-security "
                                + "management system. Every call needs an API token issued by the security "
                                + "administrator (Authorization: Bearer bm_...), whose scopes name what it may do. "
                                + "Errors are RFC 9457 problem details with messageKey and traceId; details are in "
                                + "the language of Accept-Language (zh-CN by default, en)."))
                .components(new Components().addSecuritySchemes(BEARER_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("bm_<prefix>_<secret>")
                        .description("API token of an integration client")));
    }

    /** Every operation under /api/v1 takes the bearer token. */
    @Bean
    OpenApiCustomizer bearerOnApiV1() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/v1/")) {
                    item.readOperations().forEach(operation -> operation.addSecurityItem(
                            new SecurityRequirement().addList(BEARER_SCHEME)));
                }
            });
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain swaggerUiChain(HttpSecurity http, WebDenialHandler denialHandler,
            IamSecurityProperties properties, Clock clock) throws Exception {
        http.securityMatcher("/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(StaffAuthentication.LOGIN_COMPLETE))
                .exceptionHandling(e -> e.authenticationEntryPoint(denialHandler).accessDeniedHandler(denialHandler))
                .addFilterAfter(new SessionTimeoutFilter(properties.session(), clock), SecurityContextHolderFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(SWAGGER_UI_CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
