package org.baomi.iam.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessDeniedException;
import org.baomi.shared.ProblemFactory;
import org.baomi.shared.TraceIds;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Denials of the decision point explained (issue 3 item 2), wherever a handler throws {@link AccessDeniedException}:
 * a page says in plain language why (the decision's explanation, the person's clearance against the object's level,
 * the rule trail for the curious) and what would allow it, with the request that would grant it or the
 * break-the-glass form; under {@code /api/} the same as problem+json 403 with the reason and remedy keys. The
 * decision point has already audited the denial. Runs before the portal's generic handlers, which would show only
 * the explanation.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class AccessDenialAdvice {

    private final ProblemFactory problems;

    AccessDenialAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e, HttpServletRequest request, HttpServletResponse response)
            throws java.io.IOException {
        AccessDecision decision = e.decision();
        if (isApi(request)) {
            ProblemDetail problem = problems.create(request, HttpStatus.FORBIDDEN, decision.reasonKey(),
                    decision.explanation().getArguments());
            problem.setProperty("reason", DecisionRequests.reason(decision));
            problem.setProperty("reasonKey", decision.reasonKey());
            problem.setProperty("remedyKey", decision.remedyKey());
            if (decision.remedyKey() != null) {
                problem.setProperty("remedy", problems.translate(request, decision.remedyKey()));
            }
            problems.write(request, response, problem, null);
            return null;
        }
        ModelAndView page = new ModelAndView("access/denied", HttpStatus.FORBIDDEN);
        page.addObject("denial", DenialView.of(e.request(), decision));
        page.addObject("traceId", TraceIds.of(request));
        page.addObject("returnTo", returnTo(request));
        return page;
    }

    /**
     * Where break-the-glass leads back to once the session is open (issue 6: the patient page): the refused page
     * itself for a GET, never for another method (nothing is replayed).
     */
    static String returnTo(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }
}
