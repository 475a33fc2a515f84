package org.baomi.shared.internal;

import org.baomi.shared.ProblemFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class ApiBodyLimitConfiguration {

    /** Runs right after the trace id filter and before security, so an oversize body is never read. */
    @Bean
    FilterRegistrationBean<ApiBodyLimitFilter> apiBodyLimitFilter(ProblemFactory problems,
            @Value("${baomi.api.max-body-size:256KB}") DataSize maxBodySize) {
        FilterRegistrationBean<ApiBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new ApiBodyLimitFilter(maxBodySize.toBytes(), problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
