package org.baomi.iam.internal.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends a person's sessions in the shared session table, so that a suspension, departure or change of rights
 * applies on every instance at the next request. The session's principal name is the staff number.
 */
@Component
class SessionTerminator {

    private final JdbcClient jdbc;

    SessionTerminator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many sessions ended */
    int endSessionsOf(String staffNo) {
        return jdbc.sql("DELETE FROM spring_session WHERE principal_name = :name").param("name", staffNo).update();
    }
}
