package org.baomi.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.baomi.shared.BaomiException;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** CLS-4: a background job (the declassification sweep) reads the catalogue as an explicit, audited system actor. */
@BaomiSpringTest
class CatalogueJobsTest {

    private static final String JOB = "document.declassification";

    @Autowired CatalogueJobs jobs;
    @Autowired ClassificationCatalogue catalogue;
    @Autowired TestAccounts accounts;
    @Autowired JdbcClient jdbc;

    private String category;

    @BeforeEach
    void setUp() {
        SignedIn.out();
        category = jdbc.sql("SELECT code FROM cls_category WHERE active ORDER BY code LIMIT 1").query(String.class)
                .single();
    }

    private long systemReads() {
        return jdbc.sql("""
                SELECT count(*) FROM aud_entry WHERE action = 'classification.catalogue.read' AND actor_kind = 'SYSTEM'
                  AND details->>'job' = :job
                """).param("job", JOB).query(Long.class).single();
    }

    @Test
    @DisplayName("CLS-4: without a caller the catalogue refuses a read (deny by default)")
    void aBackgroundThreadWithoutTheJobIsRefused() {
        assertThatThrownBy(() -> catalogue.defaultPeriod(category)).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
    }

    @Test
    @DisplayName("CLS-4: the declassification job reads default periods and levels, each read audited as the system with the job's name")
    void theJobReadsAsTheSystemAudited() {
        long before = systemReads();

        ConfidentialityPeriod period = jobs.runAs(JOB, () -> catalogue.defaultPeriod(category));
        var level = jobs.runAs(JOB, () -> catalogue.defaultLevel(category));

        assertThat(period).isNotNull();
        assertThat(level).isNotNull();
        assertThat(systemReads()).isEqualTo(before + 2);
        // the job's reach ends with runAs
        assertThatThrownBy(() -> catalogue.defaultPeriod(category)).isInstanceOf(BaomiException.class);
    }

    @Test
    @DisplayName("CLS-4: a signed-in person cannot borrow the system's reach; the attempt is audited")
    void aSignedInPersonCannotRunAsTheSystem() {
        TestAccounts.Created staff = accounts.staff();
        long before = systemReads();

        assertThatThrownBy(() -> SignedIn.as(accounts.authenticationOf(staff),
                () -> jobs.runAs(JOB, () -> catalogue.levels())))
                .isInstanceOfSatisfying(BaomiException.class,
                        e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
        assertThat(accounts.auditEntries("access.denied", "DENIED", staff.id(), null)).isPositive();
        assertThat(systemReads()).isEqualTo(before);
    }

    @Test
    @DisplayName("CLS-4: a job needs a proper name")
    void aJobNeedsAName() {
        for (String bad : new String[] {null, "", "x", "Bad Name", "a".repeat(61)}) {
            assertThatThrownBy(() -> jobs.runAs(bad, () -> catalogue.levels()))
                    .isInstanceOfSatisfying(BaomiException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("classification.error.job-name"));
        }
    }
}
