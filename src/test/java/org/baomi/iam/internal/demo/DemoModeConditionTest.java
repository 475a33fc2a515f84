package org.baomi.iam.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

class DemoModeConditionTest {

    @Configuration(proxyBeanMethods = false)
    static class Probe {
        @Bean
        @Conditional(DemoModeCondition.class)
        String demoProbe() {
            return "demo";
        }
    }

    /** enabled: "-" for absent; url: "-" for the embedded database (no spring.datasource.url). */
    @ParameterizedTest(name = "demo.enabled={0}, datasource url={1} -> demo mode {2}")
    @CsvSource({
            "-,     -,                                  true",
            "'',    -,                                  true",
            "true,  -,                                  true",
            "false, -,                                  false",
            "-,     jdbc:postgresql://db.example/baomi, false",
            "'',    jdbc:postgresql://db.example/baomi, false",
            "true,  jdbc:postgresql://db.example/baomi, true",
            "false, jdbc:postgresql://db.example/baomi, false",
            "TRUE,  jdbc:postgresql://db.example/baomi, true",
            "False, -,                                  false"
    })
    void demoModeFollowsTheDatabaseUnlessTheSwitchSaysOtherwise(String enabled, String url, boolean expected) {
        List<String> properties = new ArrayList<>();
        if (!enabled.equals("-")) {
            properties.add("baomi.demo.enabled=" + enabled);
        }
        if (!url.equals("-")) {
            properties.add("spring.datasource.url=" + url);
        }
        new ApplicationContextRunner()
                .withPropertyValues(properties.toArray(String[]::new))
                .withUserConfiguration(Probe.class)
                .run(context -> assertThat(context.containsBean("demoProbe")).isEqualTo(expected));
        assertThat(DemoModeCondition.isDemoMode(enabled.equals("-") ? null : enabled, url.equals("-") ? null : url))
                .isEqualTo(expected);
    }

    @Test
    void aBlankDatasourceUrlCountsAsTheEmbeddedDatabase() {
        assertThat(DemoModeCondition.isDemoMode(null, "  ")).isTrue();
    }

    @Test
    void aValueOtherThanTrueOrFalseStopsTheStartInsteadOfGuessing() {
        assertThatIllegalStateException().isThrownBy(() -> DemoModeCondition.isDemoMode("yes", null))
                .withMessageContaining("baomi.demo.enabled");
    }
}
