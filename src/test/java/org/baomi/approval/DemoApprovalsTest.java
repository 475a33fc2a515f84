package org.baomi.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.baomi.test.BaomiSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo mode: the head of cardiology and the confidentiality office are asked to decide the demo requests (issue 4).
 * Whether they still wait depends on the shared clock, which other tests move (the deadline job may escalate them),
 * so the assignments are checked, not the status.
 */
@BaomiSpringTest
class DemoApprovalsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_demo_head_of_cardiology_and_the_office_are_asked_to_decide_the_demo_requests() {
        assertThat(waitingFor("H0075")).isGreaterThanOrEqualTo(2);
        assertThat(waitingFor("H0010")).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM apr_demo_marker").query(Long.class).single()).isEqualTo(1);
    }

    private long waitingFor(String staffNo) {
        return jdbc.sql("""
                SELECT count(DISTINCT r.id) FROM apr_request r
                JOIN apr_assignment a ON a.request_id = r.id
                JOIN iam_account p ON p.id = a.person_id
                WHERE p.staff_no = :no AND r.requester_no IN ('H0079', 'H0082', 'H0084')
                """).param("no", staffNo).query(Long.class).single();
    }
}
