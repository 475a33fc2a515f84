package org.baomi.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.baomi.iam.AccessPolicy;
import org.baomi.iam.AccessRequest;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.StaffLookup;
import org.baomi.test.BaomiSpringTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo register (issue 5 item 6): made once at start-up in demo mode, realistic and consistent with the access point. */
@BaomiSpringTest
class DemoDocumentsTest {

    @Autowired JdbcClient jdbc;
    @Autowired AccessPolicy policy;
    @Autowired StaffLookup staff;

    @Test
    @DisplayName("Demo: about 60 documents over every level, some circulating, one overdue; holders may read, others may not")
    void demoRegister() {
        long demo = jdbc.sql("SELECT count(*) FROM doc_document WHERE created_by_name = (SELECT full_name FROM "
                + "iam_account WHERE staff_no = 'H0010')").query(Long.class).single();
        assertThat(demo).isBetween(55L, 70L);
        assertThat(jdbc.sql("SELECT count(DISTINCT level) FROM doc_document").query(Long.class).single())
                .isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM doc_circulation c JOIN doc_document d ON d.id = c.document_id "
                + "WHERE c.returned_at IS NULL AND d.created_by_name = (SELECT full_name "
                + "FROM iam_account WHERE staff_no = 'H0010')").query(Long.class).single()).isGreaterThanOrEqualTo(4);
        Long overdue = jdbc.sql("SELECT c.document_id FROM doc_circulation c JOIN doc_document d ON d.id = c.document_id "
                + "WHERE c.returned_at IS NULL AND c.mode = 'PARALLEL' AND c.due_at < now() AND d.created_by_name = "
                + "(SELECT full_name FROM iam_account WHERE staff_no = 'H0010') ORDER BY c.id LIMIT 1")
                .query(Long.class).optional().orElse(null);
        assertThat(overdue).as("an overdue demo circulation").isNotNull();

        // the parallel overdue circulation's readers hold it; a nurse of cardiology does not
        ResourceRef ref = ResourceRef.document(Long.toString(overdue));
        long holder = staff.activeByStaffNo("H0005").orElseThrow().accountId();
        long nurse = staff.activeByStaffNo("H0084").orElseThrow().accountId();
        assertThat(policy.decide(AccessRequest.read(holder, ref)).allowed()).isTrue();
        assertThat(policy.decide(AccessRequest.read(nurse, ref)).allowed()).isFalse();
    }
}
