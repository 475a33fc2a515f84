package org.baomi.approval.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
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
 * Input refused by the approval API: 400 problem+json listing every field with its key and translated message.
 * Everything else goes to the portal's {@code ApiExceptionHandler}.
 */
@RestControllerAdvice(assignableTypes = ApprovalApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ApprovalApiErrors {

    private final ProblemFactory problems;

    ApprovalApiErrors(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
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
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, headers, HttpStatus.BAD_REQUEST);
    }
}
