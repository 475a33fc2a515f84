package org.baomi.benchmark.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.baomi.iam.AccessDecision;
import org.baomi.iam.AccessRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The access benchmark's own ingredients on a tiny hospital: the generator gives consistent, reproducible data, the
 * request mix exercises allowed and denied paths of every rule (ACC-1..6, ORG-5, CLS-1), and jCasbin, as the
 * benchmark configures it, agrees with Baomi's engine decision for decision. No timing here (figures come from
 * {@code benchmarks/access.sh}).
 */
class AccessBenchmarkSmokeTest {

    private static final long NOW = Instant.parse("2026-11-22T08:00:00Z").toEpochMilli();
    private static Hospital hospital;

    @BeforeAll
    static void generate() {
        hospital = HospitalGenerator.generate(7, 0.01, NOW, 1);
    }

    @Test
    void theSameSeedAndScaleGiveTheSameHospital() {
        Hospital again = HospitalGenerator.generate(7, 0.01, NOW, 1);
        assertThat(again.summary()).isEqualTo(hospital.summary());
        assertThat(again.carePerson).isEqualTo(hospital.carePerson);
        assertThat(again.grantExpires).isEqualTo(hospital.grantExpires);
        assertThat(HospitalGenerator.generate(8, 0.01, NOW, 1).carePerson).isNotEqualTo(hospital.carePerson);
    }

    @Test
    void theHospitalHasTheScaledSizesAndEveryKindOfPersonAndGrant() {
        Hospital h = hospital;
        assertThat(h.staff).isEqualTo(200);
        assertThat(h.patients).isEqualTo(10_000);
        assertThat(h.care).isEqualTo(10_000);
        assertThat(h.documents).isEqualTo(1_000);
        assertThat(h.grants).isEqualTo(2_000);
        Set<Byte> adminKinds = new HashSet<>();
        int held = 0;
        int inactive = 0;
        for (int i = 0; i < h.staff; i++) {
            if (h.adminKind[i] >= 0) {
                adminKinds.add(h.adminKind[i]);
                // ORG-5: administrators hold no business permission
                assertThat(h.permissionsOf(i)).noneMatch(p -> p.startsWith("document:") || p.startsWith("privacy:"));
            }
            held += h.held[i] ? 1 : 0;
            inactive += h.active[i] ? 0 : 1;
        }
        assertThat(adminKinds).hasSize(3);
        assertThat(held).isPositive();
        assertThat(inactive).isPositive();
        int expired = 0;
        int revoked = 0;
        for (int g = 0; g < h.grants; g++) {
            expired += h.grantExpires[g] <= h.now ? 1 : 0;
            revoked += h.grantRevoked[g] ? 1 : 0;
            int person = h.personIndex(h.grantPerson[g]);
            assertThat(person).isNotNegative();
            assertThat(h.adminKind[person]).isNegative();
            assertThat(h.grantObject[g]).isLessThan(h.grantOnPatient[g] ? h.patients : h.documents);
        }
        assertThat(expired).isBetween(h.grants / 4, h.grants * 3 / 4);
        assertThat(revoked).isPositive();
    }

    @Test
    void careTeamsAreMedicalStaffMostlyOfThePatientsDepartmentAndEncountersEndAfterTheyStart() {
        Hospital h = hospital;
        int sameDepartment = 0;
        for (int c = 0; c < h.care; c++) {
            int person = h.personIndex(h.carePerson[c]);
            assertThat(h.medical[person]).isTrue();
            sameDepartment += h.department[person] == h.patientDepartment[h.carePatient[c]] ? 1 : 0;
            assertThat(h.careFrom[c]).isLessThanOrEqualTo(h.now);
            assertThat(h.careUntil[c]).isGreaterThan(h.careFrom[c]);
        }
        // only a department without any medical staff (possible in a tiny hospital) lends someone else
        assertThat(sameDepartment).isGreaterThan(h.care * 9 / 10);
    }

    @Test
    void custodiansBelongToTheDocumentsDepartmentAndDistributionListsAreSortedPeople() {
        Hospital h = hospital;
        for (int d = 0; d < h.documents; d++) {
            if (h.documentCustodian[d] != Hospital.NONE) {
                assertThat(h.department[h.personIndex(h.documentCustodian[d])]).isEqualTo(h.documentDepartment[d]);
            }
            long[] list = h.documentDistribution[d];
            for (int k = 0; k < list.length; k++) {
                assertThat(h.personIndex(list[k])).isNotNegative();
                if (k > 0) {
                    assertThat(list[k]).isGreaterThan(list[k - 1]);
                }
            }
        }
    }

    @Test
    void theMixIsDecidedForManyDifferentReasonsAndJcasbinAgreesWithBaomiOnEveryRequest() {
        AccessRequest[] mix = RequestMix.build(hospital, 5_000, 11);
        BaomiEngine baomi = new BaomiEngine(hospital);
        CasbinEngine casbin = new CasbinEngine(hospital);
        Map<String, Integer> reasons = new TreeMap<>();
        int disagreements = 0;
        for (AccessRequest request : mix) {
            AccessDecision decision = baomi.decide(request);
            reasons.merge(decision.reasonKey(), 1, Integer::sum);
            String basis = casbin.basis(request);
            boolean same = decision.allowed() ? decision.basis().name().equals(basis) : basis == null;
            disagreements += same ? 0 : 1;
        }
        assertThat(disagreements).as("requests decided differently by jCasbin").isZero();
        assertThat(reasons).containsKeys("access.allowed.CARE_TEAM", "access.allowed.CUSTODIAN",
                "access.allowed.DISTRIBUTION", "access.allowed.DEPARTMENT", "access.allowed.GRANT",
                "access.allowed.BREAK_GLASS", "access.denied.need-to-know", "access.denied.clearance",
                "access.denied.permission", "access.denied.administrator", "access.denied.unknown-person",
                "access.denied.unknown-object", "access.denied.no-policy");
    }
}
