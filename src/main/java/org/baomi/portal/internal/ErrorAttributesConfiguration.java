package org.baomi.portal.internal;

import java.util.Map;

import org.baomi.shared.TraceIds;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Error pages and error bodies carry the status, a message key and the trace id; never an exception message,
 * a stack trace or a class name.
 */
@Configuration(proxyBeanMethods = false)
class ErrorAttributesConfiguration {

    @Bean
    DefaultErrorAttributes errorAttributes() {
        return new DefaultErrorAttributes() {
            @Override
            public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
                Map<String, Object> attributes = super.getErrorAttributes(webRequest, ErrorAttributeOptions.defaults());
                attributes.remove("exception");
                attributes.remove("trace");
                attributes.remove("message");
                attributes.remove("errors");
                Object status = attributes.get("status");
                attributes.put("messageKey", "error." + (status == null ? "500" : status.toString()));
                if (webRequest instanceof ServletRequestAttributes servlet) {
                    attributes.put("traceId", TraceIds.of(servlet.getRequest()));
                } else {
                    attributes.put("traceId", webRequest.getAttribute(TraceIds.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
                }
                return attributes;
            }
        };
    }
}
