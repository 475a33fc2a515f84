package org.baomi.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problem details of the API: a message key ({@code messageKey}), the request's trace id
 * ({@code traceId}) and a {@code detail} translated to the request's language (Accept-Language, Simplified
 * Chinese by default). Used by the API's exception handler and by the security filters, which answer before
 * any controller runs, so that every refusal looks the same. Never carries an exception message, a class name
 * or a stack trace.
 */
public interface ProblemFactory {

    /** Request attribute set when a request body was cut off at the size limit of the API. */
    String BODY_TOO_LARGE_ATTRIBUTE = "baomi.bodyTooLarge";

    /** The problem for a status and a message key; the key is translated with the arguments. */
    ProblemDetail create(HttpServletRequest request, HttpStatusCode status, String messageKey, Object... args);

    /** The problem for a status, with the default message key of that status ({@link #defaultKey}). */
    default ProblemDetail create(HttpServletRequest request, HttpStatusCode status) {
        return create(request, status, defaultKey(status));
    }

    /** Translates a message key to the request's language (for per-field messages). */
    String translate(HttpServletRequest request, String messageKey, Object... args);

    /** Writes the problem as {@code application/problem+json}, with extra headers (may be null). */
    void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem, HttpHeaders headers)
            throws IOException;

    /** The message key shown for a status when nothing more specific is known ("error.not-found" for 404). */
    static String defaultKey(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "error.malformed-request";
            case 401 -> "error.unauthenticated";
            case 403 -> "error.forbidden";
            case 404 -> "error.not-found";
            case 405 -> "error.method-not-allowed";
            case 406 -> "error.not-acceptable";
            case 409 -> "error.conflict";
            case 413 -> "error.payload-too-large";
            case 415 -> "error.unsupported-media-type";
            case 422 -> "error.invalid";
            case 429 -> "error.too-many-requests";
            default -> status.is4xxClientError() ? "error.invalid" : "error.internal";
        };
    }

    /** HTTP status of a refusal kind. */
    static HttpStatusCode statusOf(BaomiException.Kind kind) {
        return HttpStatusCode.valueOf(switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_MANY_REQUESTS -> 429;
        });
    }
}
