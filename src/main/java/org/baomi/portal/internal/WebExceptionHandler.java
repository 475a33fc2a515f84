package org.baomi.portal.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.shared.BaomiException;
import org.baomi.shared.ProblemFactory;
import org.baomi.shared.TraceIds;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of the HTML pages: a refusal of a module API ({@link BaomiException}) renders the error page with the
 * status of its kind and its translated message; a mistyped or missing parameter or an unreadable body is the
 * visitor's mistake and gets a 400 page, never a 500.
 *
 * <p>Runs after {@link ApiExceptionHandler}, which owns REST controllers. Requests that found no handler at
 * all (unknown path, wrong method, wrong media type, oversize upload) reach only this advice: under
 * {@code /api/} they are answered with problem details like the rest of the API, elsewhere with the error page
 * of their status.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class WebExceptionHandler {

    private final ProblemFactory problems;
    private final MessageSource messages;

    WebExceptionHandler(ProblemFactory problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(BaomiException.class)
    ModelAndView refused(BaomiException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        HttpStatusCode status = ProblemFactory.statusOf(e.kind());
        if (isApi(request)) {
            problems.write(request, response, problems.create(request, status, e.messageKey(), e.args()), null);
            return null;
        }
        return page(request, status, e.messageKey(), e.args());
    }

    @ExceptionHandler({TypeMismatchException.class, ServletRequestBindingException.class,
            HttpMessageNotReadableException.class, BindException.class, HandlerMethodValidationException.class,
            MissingServletRequestPartException.class})
    ModelAndView badRequest(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (isApi(request)) {
            problems.write(request, response, problems.create(request, HttpStatus.BAD_REQUEST), null);
            return null;
        }
        return page(request, HttpStatus.BAD_REQUEST, "error.malformed-request");
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class, MaxUploadSizeExceededException.class})
    ModelAndView unhandled(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ErrorResponse error = (ErrorResponse) e;
        if (isApi(request)) {
            problems.write(request, response, problems.create(request, error.getStatusCode()), error.getHeaders());
            return null;
        }
        error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.sendError(error.getStatusCode().value());
        return null;
    }

    private ModelAndView page(HttpServletRequest request, HttpStatusCode status, String messageKey, Object... args) {
        String detail = messages.getMessage(messageKey, args, null, LocaleContextHolder.getLocale());
        ModelAndView page = new ModelAndView("error", Map.of(
                "status", status.value(),
                "messageKey", messageKey,
                "traceId", TraceIds.of(request)), status);
        if (detail != null) {
            page.addObject("detail", detail);
        }
        return page;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }
}
