package org.baomi.iam.internal.web;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
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

    private static final String PROBLEM_SCHEMA = "Problem";
    private static final Map<String, String> PROBLEMS = new TreeMap<>(Map.of(
            "400", "Invalid or malformed request (errors lists the fields)",
            "401", "No token, or an unknown, expired or revoked token",
            "403", "The token lacks the scope",
            "500", "Unexpected error; quote the traceId"));

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

    /** Every operation under /api/v1 takes the bearer token and may answer with these problems. */
    @Bean
    OpenApiCustomizer bearerOnApiV1() {
        return openApi -> {
            if (openApi.getPaths() == null || openApi.getComponents() == null) {
                return;
            }
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/v1/")) {
                    item.readOperations().forEach(operation -> {
                        operation.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
                        PROBLEMS.forEach((status, description) -> operation.getResponses().addApiResponse(status,
                                new ApiResponse().description(description).content(new Content().addMediaType(
                                        "application/problem+json", new MediaType().schema(
                                                new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))))));
                    });
                }
            });
        };
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> field = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("messageKey", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("Translated by Accept-Language"))
                .addProperty("instance", new StringSchema())
                .addProperty("messageKey", new StringSchema().description("Stable message key, e.g. error.forbidden"))
                .addProperty("traceId", new StringSchema().description("Quote it to the IT department"))
                .addProperty("errors", new ArraySchema().items(field));
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
