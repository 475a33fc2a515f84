package org.baomi.document;

import org.baomi.iam.ResultPage;

/**
 * The register for other hospital systems (issue 5 item 4): an integration client whose API token holds the scope acts
 * <em>for a named staff member</em>, and every answer is exactly what that person would get in the browser — their
 * permissions, clearance and need-to-know decide, the trace code and the watermark name them.
 *
 * <p>Why on behalf of a person (ORG-5): API token scopes are issued by the security administrator, one of the 三员, who
 * must never reach content. A scope that let a token read documents by itself would hand content to whoever holds the
 * token. Here the scope only lets a client ask for a person; a 三员 account named as that person is refused (and
 * audited), an unknown or inactive person is refused, and each call writes {@code document.api.on-behalf} (client,
 * person, operation) beside the operation's own audit records, so the audit administrator sees every content access
 * made through a token and whom it named.
 *
 * <p>Refusals: no API client or a token without the scope: FORBIDDEN, audited {@code access.denied}.
 */
public interface DocumentsOnBehalf {

    /**
     * One page of the register for the named person, who must hold {@link DocumentPermissions#REGISTER_MANAGE} (a
     * refusal is audited); only documents up to their clearance. Scope {@link DocumentPermissions#SCOPE_REGISTER_READ};
     * audit {@code document.register.searched} and {@code document.api.on-behalf}.
     *
     * @throws org.baomi.shared.BaomiException INVALID (unknown person, paging), FORBIDDEN (audited)
     */
    ResultPage<DocumentSummary> search(String staffNo, DocumentFilter filter);

    /**
     * A document's register entry with its history, for the named person: access policy READ for them (audited as
     * {@code access.decision}). Scope {@link DocumentPermissions#SCOPE_REGISTER_READ}; audit {@code document.viewed} and
     * {@code document.api.on-behalf}.
     *
     * @throws org.baomi.shared.BaomiException INVALID (unknown person), NOT_FOUND, FORBIDDEN (audited)
     */
    DocumentDetail document(String staffNo, long documentId);

    /**
     * The document's electronic file for the named person, as {@link DocumentFiles#download}: access policy EXPORT for
     * them, a trace code issued to them, PDFs watermarked with their name and staff number. Scope
     * {@link DocumentPermissions#SCOPE_FILE_EXPORT}; audit {@code document.file.downloaded} and
     * {@code document.api.on-behalf}.
     *
     * @throws org.baomi.shared.BaomiException INVALID (unknown person), NOT_FOUND, CONFLICT, FORBIDDEN (audited)
     */
    void file(String staffNo, long documentId, FileSink sink);
}
