package org.baomi.iam.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.baomi.shared.BaomiException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refusal the settings page does not show next to a form becomes its HTTP status and the error page. */
@ControllerAdvice(assignableTypes = AccountSecurityController.class)
class AccountSecurityErrors {

    @ExceptionHandler(BaomiException.class)
    void refused(BaomiException e, HttpServletResponse response) throws IOException {
        response.sendError(switch (e.kind()) {
            case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
            case UNAUTHENTICATED -> HttpServletResponse.SC_UNAUTHORIZED;
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case CONFLICT -> HttpServletResponse.SC_CONFLICT;
            case TOO_MANY_REQUESTS -> 429;
            case INVALID -> HttpServletResponse.SC_BAD_REQUEST;
        });
    }
}
