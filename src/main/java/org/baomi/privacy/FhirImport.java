package org.baomi.privacy;

import java.util.List;

/**
 * FHIR R4 JSON in and out (issue 6 item 1): Patient, Encounter, CareTeam and ChargeItem resources, alone or in a
 * Bundle of type {@code batch} (each entry on its own) or {@code transaction} (all or nothing), imported through
 * {@link PatientImports} (same scope, validation, idempotency and audit). Parsed with Jackson, no FHIR library:
 * only the elements Baomi keeps are read (see docs/privacy.md for the mapping).
 */
public interface FhirImport {

    /**
     * Reads and imports a FHIR JSON body.
     *
     * @param expectedType the resource type of the endpoint ("Patient", ...), or null for the base endpoint (a Bundle)
     * @param body         the request body
     * @return per entry the result; {@code bundleType} "batch", "transaction" or null for a single resource
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited) without the scope
     */
    FhirResult importFhir(String expectedType, byte[] body);

    /**
     * @param bundleType "batch", "transaction", or null for a single resource
     * @param report     results per entry; when the body could not be read at all, one rejected result
     */
    record FhirResult(String bundleType, ImportReport report) {

        public List<ImportReport.Result> results() {
            return report.results();
        }
    }
}
