package org.baomi.iam.web;


import jakarta.servlet.http.HttpServletRequest;
import org.baomi.shared.ProblemFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the access API that carry more than a message key: a batch above the limit (413). Field problems
 * ({@code InvalidInputException}) are listed by the portal's {@code ApiExceptionHandler}. Everything else goes to the portal's {@code ApiExceptionHandler}.
 */
@RestControllerAdvice(assignableTypes = {AccessDecisionApiController.class, AccessQueryApiController.class,
        GrantApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class AccessApiErrors {

    private final ProblemFactory problems;

    AccessApiErrors(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(AccessDecisionApiController.BatchTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(AccessDecisionApiController.BatchTooLargeException e,
            HttpServletRequest request) {
        return respond(problems.create(request, HttpStatus.CONTENT_TOO_LARGE, "access-web.api.batch.too-large",
                e.limit()));
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, headers, HttpStatus.valueOf(problem.getStatus()));
    }
}
