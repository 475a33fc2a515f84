package org.baomi.iam.internal.demo;

import java.util.Locale;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Demo mode: on by default with the embedded database (no {@code spring.datasource.url}), off with an external
 * database unless {@code baomi.demo.enabled=true}; {@code baomi.demo.enabled=false} switches it off even on the
 * embedded one. Demo accounts share one published password, so an external (production) database never gets
 * them by accident.
 */
public class DemoModeCondition implements Condition {

    public static final String ENABLED_PROPERTY = "baomi.demo.enabled";
    static final String DATASOURCE_URL_PROPERTY = "spring.datasource.url";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isDemoMode(context.getEnvironment());
    }

    public static boolean isDemoMode(Environment environment) {
        return isDemoMode(environment.getProperty(ENABLED_PROPERTY), environment.getProperty(DATASOURCE_URL_PROPERTY));
    }

    /**
     * @param enabled       the value of {@code baomi.demo.enabled}: "true", "false", or null/blank when unset
     * @param datasourceUrl the external database's URL, or null/blank for the embedded database
     * @throws IllegalStateException when {@code enabled} is neither true, false nor blank, so that a typo does
     *                               not silently load (or skip) the demo data
     */
    static boolean isDemoMode(String enabled, String datasourceUrl) {
        if (!StringUtils.hasText(enabled)) {
            return !StringUtils.hasText(datasourceUrl);
        }
        return switch (enabled.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException(
                    ENABLED_PROPERTY + " must be true, false or empty, not '" + enabled + "'");
        };
    }
}
