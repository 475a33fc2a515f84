package org.baomi.iam.web;

import jakarta.servlet.http.HttpServletRequest;
import org.baomi.shared.BaomiException;
import org.baomi.shared.TraceIds;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals of the identity administration pages that are not shown on the page itself: the error page with the
 * status (403 for a denied direct URL, 404, 409), a message key and the trace id; never internals.
 */
@ControllerAdvice(assignableTypes = {AccountController.class, RoleController.class, AccessReviewController.class})
class AdminWebErrors {

    @ExceptionHandler(BaomiException.class)
    ModelAndView refused(BaomiException e, HttpServletRequest request) {
        HttpStatus status = switch (e.kind()) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
        };
        ModelAndView view = new ModelAndView("error", status);
        view.addObject("status", status.value());
        view.addObject("messageKey", "error." + status.value());
        view.addObject("traceId", TraceIds.of(request));
        return view;
    }
}
