package org.baomi.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.baomi.test.BaomiSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demo mode: the inboxes of the head of cardiology and of the confidentiality office are not empty (issue 4). */
@BaomiSpringTest
class DemoApprovalsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_demo_head_of_cardiology_and_the_office_find_requests_waiting() {
        assertThat(waitingFor("H0075")).isGreaterThanOrEqualTo(2);
        assertThat(waitingFor("H0010")).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM apr_demo_marker").query(Long.class).single()).isEqualTo(1);
    }

    private long waitingFor(String staffNo) {
        return jdbc.sql("""
                SELECT count(DISTINCT r.id) FROM apr_request r
                JOIN apr_assignment a ON a.request_id = r.id AND a.step_no = r.current_step
                JOIN iam_account p ON p.id = a.person_id
                WHERE r.status = 'PENDING' AND p.staff_no = :no
                """).param("no", staffNo).query(Long.class).single();
    }
}
