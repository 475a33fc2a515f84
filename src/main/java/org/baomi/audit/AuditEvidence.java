package org.baomi.audit;

import java.util.List;

/**
 * Evidence for one case (issue 8 item 8; for an investigation or a sanction, PEN): the entries about one person,
 * patient or document, with proofs that they are in the anchored log, verifiable offline without the rest of the
 * log by tools/verifier/BaomiEvidenceVerifier.java (format and steps: docs/evidence-verifier.md).
 *
 * <p>Needs {@link #PERMISSION} ({@code audit:evidence:export}, held by the audit administrator role only, ORG-5; an
 * API token needs it as a scope). A refusal is audited in its own transaction and thrown as FORBIDDEN.
 */
public interface AuditEvidence {

    String PERMISSION = "audit:evidence:export";
    /** The most entries one package holds (the newest that match); a larger match is cut and says so. */
    int LIMIT = 1_000;
    /** The longest case reference (a file number, an incident id). */
    int MAX_CASE_REFERENCE_LENGTH = 100;

    /**
     * Builds the package for the entries that match the filter, which must name a person ({@code actorId}), a patient
     * or an object id. The log is sealed and anchored first, so that every sealed match has a proof. Records
     * {@code audit.evidence.exported} with the filter, case reference, entry count and anchors, in the same
     * transaction (the package does not contain its own record); a package that cannot be built because an anchor
     * is missing, differs between the database and the anchor directory, or is not trusted records
     * {@code audit.evidence.failed} (outcome FAILED) and is refused as CONFLICT.
     *
     * @param caseReference optional free text, at most {@link #MAX_CASE_REFERENCE_LENGTH} characters, no control
     *                      characters; written into the package
     * @throws org.baomi.shared.BaomiException FORBIDDEN (audited); INVALID {@code audit.evidence.error.subject} without
     *                                         a person, patient or object, {@code audit.evidence.error.case-reference}
     *                                         for a bad reference; CONFLICT {@code audit.evidence.error.anchor}
     */
    EvidencePackage export(AuditFilter filter, String caseReference);

    /**
     * A built evidence package.
     *
     * @param fileName   suggested file name ({@code .zip})
     * @param zip        the zip: {@code evidence.json}, {@code evidence.sig}, {@code README.txt}
     * @param entries    entries in the package, each with its proof
     * @param unprovable matching entries left out because they are not sealed and anchored yet
     * @param truncated  true when more than {@link #LIMIT} entries matched
     * @param anchorIds  the anchors the proofs lead to
     */
    record EvidencePackage(String fileName, byte[] zip, int entries, int unprovable, boolean truncated,
            List<Long> anchorIds) {
    }
}
