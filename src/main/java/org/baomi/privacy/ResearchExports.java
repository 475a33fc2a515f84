package org.baomi.privacy;

import java.util.List;

/**
 * De-identified research exports of a cohort (issue 6 item 3, PAT-3, ACC-5). A researcher describes a cohort
 * ({@link #request}); the cohort becomes the protected object {@code research-export:<id>}; the president approves
 * a {@value #APPROVAL_KIND} request for it, which yields an EXPORT grant; then {@link #download} writes the CSV.
 *
 * <p>De-identification: direct identifiers (name, ID number, phone, MRN, exact address, staff links, ids) are never
 * read into the file; each patient gets a pseudonym, an HMAC-SHA256 of the patient id under a random key made for
 * that download and never stored (pseudonyms link a patient's encounters within one file, never across files);
 * quasi-identifiers are generalised (birth year to a 5-year band, dates to the month, address to the city); rows
 * whose quasi-identifier group (gender, birth band, city, admission month) has fewer than {@value #K} rows are
 * suppressed.
 */
public interface ResearchExports {

    /** Approval kind of a research export. */
    String APPROVAL_KIND = "research-export";

    /** Object type of a requested cohort in the decision point's register. */
    String OBJECT_TYPE = "research-export";

    /** Least size of a quasi-identifier group that is exported (k-anonymity). */
    int K = 5;

    /** Longest period of a cohort, in days. */
    int MAX_DAYS = 3 * 366;

    /** Most encounters a cohort may hold; a larger one must be narrowed. */
    int MAX_ROWS = 100_000;

    /**
     * Records the cohort and registers it with the decision point (level 内部, the requester as custodian); audit
     * {@code privacy.research.requested}. Permission {@link PrivacyPermissions#RESEARCH_EXPORT}.
     *
     * @return the request id, the subject id of the {@value #APPROVAL_KIND} approval to submit next
     * @throws org.baomi.shared.BaomiException INVALID ({@code privacy.research.error.*}) for bad filters
     */
    long request(ResearchCohort cohort);

    /** The signed-in person's requests, newest first (at most 50). Same permission; not audited (no patient data). */
    List<ResearchExportRequest> mine();

    /**
     * The de-identified CSV of a requested cohort. Permission as above; the decision point for EXPORT on
     * {@code research-export:<id>} (an approved grant); audit {@code privacy.research.exported} with the filters,
     * counts, k and the ids of every patient included ({@code details.patients}), in the same transaction.
     *
     * @throws org.baomi.iam.AccessDeniedException FORBIDDEN, already audited, without the approval
     * @throws org.baomi.shared.BaomiException     NOT_FOUND for an unknown request or someone else's; INVALID
     *                                             ({@code privacy.research.error.too-large}) for too many encounters
     */
    ResearchExportFile download(long requestId);
}
