package org.baomi.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.baomi.iam.internal.login.StaffAuthentication;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 6 item 4 "Must show": the patient's accounting of disclosures lists exactly the audited accesses to their
 * record, compared with the audit trail for 100 random demo patients after random care-team views through
 * {@link PatientPages}; the patient's own activity, imports and refused attempts are not listed.
 */
@BaomiSpringTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SelfServiceDisclosuresTest {

    @Autowired
    SelfServiceSignIn signIn;
    @Autowired
    SelfServiceDesk desk;
    @Autowired
    SelfServicePortal portal;
    @Autowired
    PatientPages pages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    java.time.Clock clock;

    /** A demo patient with an open encounter and the care-team members who may read the record now. */
    private record Cared(long patientId, String name, String idNumber, List<Long> team) {
    }

    private StaffAuthentication demo(long accountId) {
        String staffNo = jdbc.sql("SELECT staff_no FROM iam_account WHERE id = :id").param("id", accountId)
                .query(String.class).single();
        return accounts.authenticationOf(new TestAccounts.Created(accountId, staffNo, staffNo, TestAccounts.PASSWORD,
                null));
    }

    private List<Cared> randomPatients(int count, long seed) {
        List<Long> ids = jdbc.sql("""
                SELECT p.id FROM pat_patient p
                WHERE p.source_system = 'DEMO-HIS' AND NOT p.deceased AND NOT p.vip AND p.staff_account_id IS NULL
                  AND NOT p.public_figure AND NOT p.psychiatric
                  AND (SELECT count(*) FROM pat_patient q WHERE q.id_number = p.id_number) = 1
                  AND NOT EXISTS (SELECT 1 FROM aud_entry a WHERE a.patient_id = p.id::text)
                  AND EXISTS (SELECT 1 FROM pat_encounter e JOIN pat_care_member m ON m.encounter_id = e.id
                              WHERE e.patient_id = p.id AND (m.valid_until IS NULL OR m.valid_until > :recent))
                ORDER BY md5(p.id::text || :seed) LIMIT :n
                """).param("seed", Long.toString(seed)).param("n", count).param("recent", recent())
                .query(Long.class).list();
        List<Cared> result = new ArrayList<>();
        for (long id : ids) {
            List<Long> team = jdbc.sql("""
                    SELECT DISTINCT m.person_id FROM pat_care_member m JOIN pat_encounter e ON e.id = m.encounter_id
                    WHERE e.patient_id = :p AND (m.valid_until IS NULL OR m.valid_until > :recent) ORDER BY 1
                    """).param("p", id).param("recent", recent()).query(Long.class).list();
            result.add(jdbc.sql("SELECT id, name, id_number FROM pat_patient WHERE id = :p").param("p", id)
                    .query((rs, n) -> new Cared(rs.getLong(1), rs.getString(2), rs.getString(3), team)).single());
        }
        return result;
    }

    /** Well inside the policy's reading window of 30 days after a care relationship ends (ACC-4). */
    private java.sql.Timestamp recent() {
        return java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(20)));
    }

    /** The audit trail's own answer: every allowed staff view of the patient's record. */
    private Set<Long> auditedViews(long patientId) {
        return new HashSet<>(jdbc.sql("""
                SELECT id FROM aud_entry WHERE patient_id = :p AND action = 'privacy.patient.viewed'
                  AND outcome = 'ALLOWED' AND actor_kind = 'PERSON'
                """).param("p", Long.toString(patientId)).query(Long.class).list());
    }

    @Test
    void the_report_lists_exactly_the_audited_accesses_for_100_random_demo_patients_ACC_5_AUD_1() {
        Random random = new Random(20261122L);
        List<Cared> patients = randomPatients(100, random.nextLong());
        assertThat(patients).hasSize(100);
        int views = 0;
        for (Cared c : patients) {
            int n = random.nextInt(4); // some patients nobody looked at
            for (int i = 0; i < n; i++) {
                long person = c.team().get(random.nextInt(c.team().size()));
                PatientPurpose purpose = random.nextInt(5) == 0 ? PatientPurpose.BILLING : PatientPurpose.TREATMENT;
                try {
                    SignedIn.as(demo(person), () -> pages.view(c.patientId(), purpose, null));
                    views++;
                } catch (RuntimeException refused) {
                    // a purpose the person's role lacks (BILLING): refused, audited as such, not a disclosure
                }
            }
        }
        assertThat(views).as("accesses made").isGreaterThan(100);

        for (Cared c : patients) {
            SelfServiceSession session = signIn.signIn(c.name(), c.idNumber(), new SelfServiceFixtures(jdbc, accounts)
                    .deskCode(desk, c.patientId()), SelfServiceFixtures.address());
            portal.fees(session.token()); // the patient's own view: audited, never listed
            DisclosureReport report = portal.disclosures(session.token(), null, null);

            Set<Long> listed = new HashSet<>();
            report.entries().forEach(d -> listed.add(d.auditId()));
            assertThat(listed).as("patient " + c.patientId()).isEqualTo(auditedViews(c.patientId()));
            assertThat(report.entries()).hasSize(listed.size()).allSatisfy(d -> {
                assertThat(d.action()).isEqualTo(DisclosureAction.VIEWED);
                assertThat(d.actorName()).as("names hidden by default").isNull();
                assertThat(d.roleKey()).as("a care-team role").isIn("privacy-self.role.attending", "privacy-self.role.doctor",
                        "privacy-self.role.nurse");
                assertThat(d.purposeKey()).isIn("privacy.purpose.TREATMENT", "privacy.purpose.BILLING");
            });
            assertThat(report.truncated()).isFalse();
        }
    }

    @Test
    void the_period_limits_the_report_and_an_end_before_the_start_is_refused() {
        Cared c = randomPatients(1, 7L).get(0);
        long nurse = c.team().get(0);
        SignedIn.as(demo(nurse), () -> pages.view(c.patientId(), PatientPurpose.TREATMENT, null));
        SelfServiceSession session = signIn.signIn(c.name(), c.idNumber(),
                new SelfServiceFixtures(jdbc, accounts).deskCode(desk, c.patientId()), SelfServiceFixtures.address());
        java.time.LocalDate today = java.time.LocalDate.now(clock);

        assertThat(portal.disclosures(session.token(), today.minusDays(1), today.plusDays(1)).entries()).isNotEmpty();
        assertThat(portal.disclosures(session.token(), today.plusDays(2), today.plusDays(3)).entries()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> portal.disclosures(session.token(), today,
                today.minusDays(1))).isInstanceOfSatisfying(org.baomi.shared.BaomiException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("privacy-self.disclosures.error.dates"));
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'privacy.self.disclosures.viewed' "
                + "AND patient_id = :p AND actor_kind = 'PATIENT'").param("p", Long.toString(c.patientId()))
                .query(Long.class).single()).isEqualTo(2);
    }
}
