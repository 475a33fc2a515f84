package org.baomi.portal.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.shared.BaomiException;
import org.baomi.shared.ProblemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a REST controller as RFC 9457 {@code application/problem+json} with {@code messageKey},
 * {@code traceId} and a translated {@code detail}: refusals of the module APIs ({@link BaomiException}, status
 * by kind), bean-validation errors with per-field keys and messages, malformed JSON or invalid UTF-8, wrong
 * media type, wrong method, missing or mistyped parameters, oversize bodies, and anything unexpected as a 500
 * that shows no internals (the exception goes to the log with the trace id).
 *
 * <p>Requests that never reach a controller (unknown path, wrong method, wrong media type) have no handler;
 * {@link WebExceptionHandler} answers those for {@code /api/**} with the same problems.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemFactory problems;

    ApiExceptionHandler(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(BaomiException.class)
    ResponseEntity<Object> refused(BaomiException e, HttpServletRequest request) {
        HttpStatusCode status = ProblemFactory.statusOf(e.kind());
        return respond(problems.create(request, status, e.messageKey(), e.args()), null);
    }

    /**
     * Input refused by a module API field by field: 400 with every problem in {@code errors} (field, key and
     * translated message), as bean-validation errors are listed.
     */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e, HttpServletRequest request) {
        ProblemDetail problem = problems.create(request, HttpStatus.BAD_REQUEST, "error.invalid");
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldProblem p : e.problems()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("field", p.field());
            item.put("messageKey", p.messageKey());
            item.put("message", problems.translate(request, p.messageKey(), p.args()));
            errors.add(item);
        }
        problem.setProperty("errors", errors);
        return respond(problem, null);
    }

    /**
     * Denials and missing authentication inside a controller belong to the security filter chain, which audits
     * them and answers with the same problem details: hand them back to it.
     */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error in API request", e);
        return respond(problems.create(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.internal"), null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = servletRequest(request);
        ProblemDetail problem = problems.create(servlet, HttpStatus.BAD_REQUEST, "error.invalid");
        problem.setProperty("errors", fieldErrors(servlet, ex.getBindingResult().getAllErrors()));
        return respond(problem, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = servletRequest(request);
        ProblemDetail problem = problems.create(servlet, HttpStatus.BAD_REQUEST, "error.invalid");
        List<Map<String, Object>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> errors.addAll(
                fieldErrors(servlet, result.getResolvableErrors().stream()
                        .map(error -> new ObjectError(result.getMethodParameter().getParameterName() == null ? "argument"
                                : result.getMethodParameter().getParameterName(), error.getDefaultMessage()))
                        .toList())));
        problem.setProperty("errors", errors);
        return respond(problem, headers);
    }

    /** Every other Spring MVC exception: the status it carries, the default key of that status, no internals. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpServletRequest servlet = servletRequest(request);
        String key = ProblemFactory.defaultKey(statusCode);
        HttpStatusCode status = statusCode;
        if (ex instanceof HttpMessageNotReadableException
                && servlet.getAttribute(ProblemFactory.BODY_TOO_LARGE_ATTRIBUTE) != null) {
            status = HttpStatus.CONTENT_TOO_LARGE;
            key = ProblemFactory.defaultKey(status);
        }
        if (status.is5xxServerError()) {
            log.error("Unexpected error in API request", ex);
        }
        return respond(problems.create(servlet, status, key), headers);
    }

    private List<Map<String, Object>> fieldErrors(HttpServletRequest request, List<? extends ObjectError> errors) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ObjectError error : errors) {
            // Constraint messages are message keys (message = "api.directory.query.size"), translated here in
            // the request's language rather than by the validator in the server's.
            String key = error.getDefaultMessage() == null || error.getDefaultMessage().contains(" ")
                    ? "error.invalid" : error.getDefaultMessage();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("field", error instanceof FieldError field ? field.getField() : error.getObjectName());
            item.put("messageKey", key);
            item.put("message", problems.translate(request, key));
            list.add(item);
        }
        return list;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        HttpHeaders out = new HttpHeaders();
        if (headers != null) {
            out.putAll(headers);
        }
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, out, HttpStatusCode.valueOf(problem.getStatus()));
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }
}
