package org.baomi.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;
import org.baomi.privacy.FhirImport;
import org.baomi.privacy.ImportEntry;
import org.baomi.privacy.PatientFilter;
import org.baomi.privacy.PatientImports;
import org.baomi.privacy.PatientPages;
import org.baomi.privacy.PatientPurpose;
import org.baomi.privacy.PatientRecord;

/**
 * The audit coverage cases of the patient privacy module (issue 6; PAT-1, AUD-1), collected by
 * {@link AuditCoverageTest}. The imports serve integration clients with the import scope only: a signed-in person
 * is refused, and the refusal written as {@code access.denied}. The successful import's own record
 * ({@code privacy.import.completed}) is asserted through the HTTP API by {@code org.baomi.privacy.FhirImportTest}.
 */
final class PrivacyCoverageCases {

    private PrivacyCoverageCases() {
    }

    static final List<Case> CASES = List.of(
            Case.refused("PatientImports.importEntries", Who.DOCTOR, "access.denied",
                    t -> t.bean(PatientImports.class).importEntries(List.of(ImportEntry.of(new PatientRecord(
                            "T-COV-P", "T-COV-MRN", "Coverage", "male", "1980-01-01", null, null, null, null, null,
                            null, null))), true)),
            Case.refused("FhirImport.importFhir", Who.DOCTOR, "access.denied",
                    t -> t.bean(FhirImport.class).importFhir("Patient",
                            "{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8))),
            // ACC-4: staff without a patient permission are refused the search and the record, and the refusal is
            // recorded; the allowed view's own record is asserted by org.baomi.privacy.PatientPagesTest.
            Case.denied("PatientPages.search", t -> t.bean(PatientPages.class).search(PatientFilter.NONE)),
            Case.denied("PatientPages.view", t -> t.bean(PatientPages.class).view(1L, PatientPurpose.TREATMENT,
                    null)));

    static final Map<String, String> NOT_SECURITY_RELEVANT = Map.of();
}
