package org.baomi.iam.internal.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * The security headers of every API answer: Spring Security's defaults (no sniffing, no caching, HSTS over TLS, no
 * framing, the XSS auditor off) and the API's Content-Security-Policy. The API filter chain writes them through its
 * header configuration; the lean decision endpoint (issue 3), which answers before that chain, writes the same ones
 * with these writers ({@code LeanDecisionParityTest} compares the two).
 */
public final class ApiResponseHeaders {

    /** The API's Content-Security-Policy: an API answer is never a document, nor framed. */
    public static final String CSP = "default-src 'none'; frame-ancestors 'none'";

    private static final List<HeaderWriter> WRITERS = List.of(new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
            new ContentSecurityPolicyHeaderWriter(CSP));

    private ApiResponseHeaders() {
    }

    /** Writes the headers, before anything of the answer is committed. */
    public static void write(HttpServletRequest request, HttpServletResponse response) {
        for (HeaderWriter writer : WRITERS) {
            writer.writeHeaders(request, response);
        }
    }
}
