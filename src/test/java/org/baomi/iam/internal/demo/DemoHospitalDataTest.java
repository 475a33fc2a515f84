package org.baomi.iam.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.baomi.iam.Permissions;
import org.baomi.iam.internal.account.Department;
import org.baomi.shared.SecretLevel;
import org.junit.jupiter.api.Test;

class DemoHospitalDataTest {

    private final DemoHospitalData data = DemoHospitalData.load();

    private Map<String, DemoHospitalData.StaffSpec> staffByNo() {
        return data.staff().stream().collect(Collectors.toMap(DemoHospitalData.StaffSpec::staffNo, Function.identity()));
    }

    @Test
    void theHospitalHasAtLeastThirtyDepartmentsInOneTreeUnderTheLeadership() {
        assertThat(data.departments()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(data.departments()).filteredOn(d -> d.parentCode() == null)
                .singleElement().satisfies(root -> {
                    assertThat(root.code()).isEqualTo("LEAD");
                    assertThat(root.kind()).isEqualTo(Department.Kind.LEADERSHIP);
                });
        assertThat(data.departments()).allSatisfy(d -> {
            assertThat(d.nameZh()).isNotBlank();
            assertThat(d.nameEn()).isNotBlank();
        });
        assertThat(data.departments()).extracting(DemoHospitalData.DepartmentSpec::code).contains(
                "PRES_OFFICE", "CONF_OFFICE", "INFO", "MED_AFFAIRS", "NURSING", "HR", "FINANCE", "ARCHIVES",
                "RESEARCH", "PHARMACY", "EQUIPMENT", "GENERAL_AFFAIRS", "INSURANCE", "QUALITY", "PUBLICITY",
                "CARDIOLOGY", "RESPIRATORY", "GASTRO", "NEUROLOGY", "ENDOCRINE", "GEN_SURGERY", "ORTHOPAEDICS",
                "NEUROSURGERY", "OBGYN", "PAEDIATRICS", "EMERGENCY", "ICU", "OPHTHALMOLOGY", "ENT", "STOMATOLOGY",
                "DERMATOLOGY", "INFECTIOUS", "PSYCHIATRY", "LABORATORY", "RADIOLOGY", "ULTRASOUND", "PATHOLOGY");
    }

    @Test
    void theConfidentialityOfficeSitsUnderThePresidentsOffice() {
        assertThat(data.departments()).filteredOn(d -> d.code().equals("CONF_OFFICE"))
                .singleElement().extracting(DemoHospitalData.DepartmentSpec::parentCode).isEqualTo("PRES_OFFICE");
    }

    @Test
    void atLeastOneHundredEightyStaffWithUniqueNumbersAndNames() {
        assertThat(data.staff()).hasSizeGreaterThanOrEqualTo(180);
        List<String> numbers = data.staff().stream().map(DemoHospitalData.StaffSpec::staffNo).toList();
        List<String> names = data.staff().stream().map(DemoHospitalData.StaffSpec::fullName).toList();
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(names).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isNotBlank());
        assertThat(data.staff()).allSatisfy(s -> {
            assertThat(s.email()).endsWith("@demo-hospital.example");
            assertThat(s.phone()).matches("1\\d\\d-0000-\\d{4}");
        });
    }

    @Test
    void theSameStaffAreGeneratedOnEveryLoad() {
        assertThat(DemoHospitalData.load().staff()).isEqualTo(data.staff());
    }

    @Test
    void clearancesFollowThePost() {
        Map<String, DemoHospitalData.StaffSpec> staff = staffByNo();
        assertThat(staff.get("H0001").postCode()).isEqualTo("PRESIDENT");
        assertThat(staff.get("H0001").clearance()).isEqualTo(SecretLevel.TOP_SECRET);
        assertThat(data.staff()).filteredOn(s -> s.postCode().equals("VICE_PRESIDENT"))
                .hasSize(3).allSatisfy(s -> assertThat(s.clearance()).isEqualTo(SecretLevel.HIGHLY_SECRET));
        assertThat(data.staff()).filteredOn(s -> Set.of("DEPT_DIRECTOR", "SECTION_CHIEF").contains(s.postCode()))
                .allSatisfy(s -> assertThat(s.clearance()).isEqualTo(SecretLevel.SECRET));
        long internal = data.staff().stream().filter(s -> s.clearance() == SecretLevel.INTERNAL).count();
        assertThat(internal).isGreaterThan(data.staff().size() / 2);
    }

    @Test
    void everyoneWithClearanceSecretOrAboveHasEnrolledTotpExceptTheDoctorWhoStillHasTo() {
        assertThat(data.staff()).filteredOn(s -> s.clearance().atLeast(SecretLevel.SECRET))
                .allSatisfy(s -> assertThat(s.totpSecret() != null).isEqualTo(!s.staffNo().equals("H0904")));
        assertThat(staffByNo().get("H0904")).satisfies(s -> {
            assertThat(s.clearance()).isEqualTo(SecretLevel.SECRET);
            assertThat(s.roles()).contains("doctor");
            assertThat(s.totpSecret()).isNull();
        });
    }

    @Test
    void onlyTheThreeNewHiresMustChangeTheirPassword() {
        assertThat(data.staff()).filteredOn(DemoHospitalData.StaffSpec::mustChangePassword)
                .extracting(DemoHospitalData.StaffSpec::staffNo).containsExactlyInAnyOrder("H0901", "H0902", "H0903");
        assertThat(data.staff()).filteredOn(DemoHospitalData.StaffSpec::mustChangePassword)
                .allSatisfy(s -> assertThat(s.clearance()).isEqualTo(SecretLevel.INTERNAL));
    }

    @Test
    void theThreeAdministratorsHoldOnlyTheirAdministratorRoleAndTheirOwnSecret() {
        Map<String, DemoHospitalData.StaffSpec> staff = staffByNo();
        assertThat(staff.get("sysadmin").roles()).containsExactly("system-admin");
        assertThat(staff.get("secadmin").roles()).containsExactly("security-admin");
        assertThat(staff.get("auditor").roles()).containsExactly("audit-admin");
        assertThat(List.of(staff.get("sysadmin").totpSecret(), staff.get("secadmin").totpSecret(),
                staff.get("auditor").totpSecret())).doesNotHaveDuplicates().allSatisfy(secret ->
                assertThat(secret).matches("[A-Z2-7]{32}"));
    }

    @Test
    void everyStaffMemberHoldsTheStaffRoleAndEveryDepartmentBelowTheGroupsHasAConfidentialityOfficer() {
        assertThat(data.staff()).filteredOn(s -> s.staffNo().startsWith("H"))
                .allSatisfy(s -> assertThat(s.roles()).contains("staff"));
        Set<String> groups = Set.of("LEAD", "ADMIN", "CLINICAL", "MEDTECH", "CONF_OFFICE");
        Set<String> withOfficer = data.staff().stream()
                .filter(s -> s.roles().contains("department-confidentiality-officer"))
                .map(DemoHospitalData.StaffSpec::departmentCode).collect(Collectors.toSet());
        assertThat(data.departments()).filteredOn(d -> !groups.contains(d.code()))
                .allSatisfy(d -> assertThat(withOfficer).contains(d.code()));
    }

    @Test
    void businessRolesListRealPermissionsWithoutWildcardsOrAdministratorRights() {
        assertThat(data.roles()).extracting(DemoHospitalData.RoleSpec::code).contains("president",
                "confidentiality-leadership", "confidentiality-office", "department-confidentiality-officer",
                "department-head", "doctor", "nurse", "pharmacist", "technician", "archivist", "hr", "finance",
                "it-engineer");
        assertThat(data.roles()).allSatisfy(r -> assertThat(r.permissions()).isNotEmpty().allSatisfy(p -> {
            assertThat(Permissions.isValid(p)).as(p).isTrue();
            assertThat(p).doesNotContain("*");
            assertThat(Permissions.isAdministrative(p)).as(p).isFalse();
        }));
    }

    @Test
    void theDemoTokenHasTheDocumentedShape() {
        assertThat(DemoCredentials.HIS_API_TOKEN).matches("bm_demo0his_[A-Za-z0-9_-]{43}");
        assertThat(DemoCredentials.hisTokenPrefix()).isEqualTo("bm_demo0his");
    }
}
