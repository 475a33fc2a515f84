package org.baomi.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baomi.shared.BaomiException;
import org.baomi.shared.ProblemFactory;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiExceptionHandlerTest {

    /** Echoes the key as detail, so that the test sees exactly what the handler put in. */
    private final ProblemFactory problems = new ProblemFactory() {
        @Override
        public ProblemDetail create(HttpServletRequest request, HttpStatusCode status, String messageKey,
                Object... args) {
            ProblemDetail problem = ProblemDetail.forStatus(status);
            problem.setDetail(messageKey);
            problem.setProperty("messageKey", messageKey);
            return problem;
        }

        @Override
        public String translate(HttpServletRequest request, String messageKey, Object... args) {
            return messageKey;
        }

        @Override
        public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
                HttpHeaders headers) {
        }
    };
    private final ApiExceptionHandler handler = new ApiExceptionHandler(problems);

    @Test
    void an_unexpected_exception_is_a_500_problem_that_shows_nothing_of_the_exception() {
        ResponseEntity<Object> response = handler.unexpected(
                new IllegalStateException("password=hunter2 at org.baomi.Secret"), new MockHttpServletRequest());

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getProperties()).containsEntry("messageKey", "error.internal");
        assertThat(String.valueOf(problem.getDetail()) + problem.getProperties() + problem.getTitle())
                .doesNotContain("hunter2", "IllegalState", "org.baomi");
    }

    @Test
    void each_refusal_kind_has_its_status() {
        assertThat(status(BaomiException.Kind.INVALID)).isEqualTo(400);
        assertThat(status(BaomiException.Kind.UNAUTHENTICATED)).isEqualTo(401);
        assertThat(status(BaomiException.Kind.FORBIDDEN)).isEqualTo(403);
        assertThat(status(BaomiException.Kind.NOT_FOUND)).isEqualTo(404);
        assertThat(status(BaomiException.Kind.CONFLICT)).isEqualTo(409);
        assertThat(status(BaomiException.Kind.TOO_MANY_REQUESTS)).isEqualTo(429);
    }

    @Test
    void security_exceptions_go_back_to_the_security_chain_which_audits_them() {
        AccessDeniedException denied = new AccessDeniedException("no");

        assertThatThrownBy(() -> handler.security(denied)).isSameAs(denied);
    }

    private int status(BaomiException.Kind kind) {
        return handler.refused(new BaomiException(kind, "k"), new MockHttpServletRequest()).getStatusCode().value();
    }
}
