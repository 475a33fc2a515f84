package org.baomi.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;
import org.baomi.iam.StaffImport;
import org.baomi.privacy.PatientExportMode;
import org.baomi.privacy.PatientExports;
import org.baomi.privacy.PatientPurpose;
import org.baomi.privacy.ResearchCohort;
import org.baomi.privacy.ResearchExports;

/**
 * The audit coverage cases of patient exports and research exports (issue 6 items 2-3; ACC-5, PAT-3, AUD-1) and of
 * the HR import of staff (issue 6 item 1, ORG-5),
 * collected by {@link AuditCoverageTest}: staff without the permissions are refused and the refusal recorded. The
 * allowed records ({@code privacy.patient.exported}, {@code privacy.research.exported}) are asserted through the
 * pages by {@code org.baomi.privacy.PatientExportTest} and {@code org.baomi.privacy.ResearchExportTest}.
 */
final class PrivacyAccessCoverageCases {

    private PrivacyAccessCoverageCases() {
    }

    static final List<Case> CASES = List.of(
            Case.denied("PatientExports.export", t -> t.bean(PatientExports.class).export(1L,
                    PatientPurpose.TREATMENT, PatientExportMode.PRINT)),
            Case.denied("ResearchExports.request", t -> t.bean(ResearchExports.class).request(new ResearchCohort(null,
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), null))),
            Case.denied("ResearchExports.mine", t -> t.bean(ResearchExports.class).mine()),
            Case.denied("ResearchExports.download", t -> t.bean(ResearchExports.class).download(1L)),
            // issue 6 item 1, ORG-5: the HR import serves integration clients with the staff import scope only; a
            // signed-in person (even the system administrator) is refused and the refusal recorded. The import's own
            // record (iam.account.hr-imported) is asserted through the FHIR API by org.baomi.privacy.StaffFhirImportTest.
            Case.refused("StaffImport.importStaff", Who.SYSTEM_ADMIN, "access.denied",
                    t -> t.bean(StaffImport.class).importStaff(List.of(new StaffImport.HrStaff("T-COV-HR",
                            new StaffImport.Profile("Coverage", "male", null, null, true),
                            new StaffImport.Placement("CARDIOLOGY", "NURSE"), List.of())), true)));

    static final Map<String, String> NOT_SECURITY_RELEVANT = Map.of(
            "BreakTheGlass.openOf", "the caller's own open sessions, ids only; what they open is decided and audited "
                    + "by AccessPolicy (the patient search)");
}
