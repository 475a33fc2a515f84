package org.baomi.document;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * Destruction of classified documents (DOC-7): request, approval (kind {@code document-destruction}: department head,
 * then the confidentiality office, then the president from 机密 up), then destruction performed by one named person
 * and confirmed by another who supervised it (两人监销; the same person twice is refused). On confirmation the
 * document becomes DESTROYED (its register entry stays as a metadata record), its electronic file is crypto-shredded,
 * its distribution at the access point is emptied, and a destruction certificate (PDF) can be downloaded.
 *
 * <p>Refused while a hold or an open incident covers the document, while it is in circulation or carried out, and
 * while a made copy has not come back (copies are destroyed together with the document).
 */
public interface DocumentDestruction {

    /**
     * Asks to destroy a document. Only its custodian or a person with {@link DocumentPermissions#REGISTER_MANAGE}.
     * The request goes to the approval engine in the same transaction. Audit {@code document.destruction.requested};
     * a refusal is audited {@code document.destruction.refused} (DENIED).
     *
     * @return the destruction record's id
     * @throws org.baomi.iam.InvalidInputException field by field ({@code method}, {@code place}, {@code reason})
     * @throws org.baomi.shared.BaomiException     NOT_FOUND; FORBIDDEN (neither custodian nor register manager);
     *                                             CONFLICT (held, open incident, not kept, copies out, already asked)
     */
    long request(DestructionRequest request);

    /**
     * The performer signs that the approved destruction was carried out (name and time). The custodian or a person
     * with {@link DocumentPermissions#REGISTER_MANAGE}. Audit {@code document.destruction.performed}. The document is
     * not destroyed until another person confirms ({@link #confirm}).
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND; FORBIDDEN (not allowed, or not approved: audited
     *                                         {@code document.destruction.refused}); CONFLICT (already performed)
     */
    void perform(long destructionId);

    /**
     * The supervisor (permission {@link DocumentPermissions#DESTRUCTION_SUPERVISE}), another person than the
     * performer, confirms the destruction: status DESTROYED, the file's keys destroyed, distribution emptied. Audit
     * {@code document.destroyed}; a refusal (same person, missing permission, hold, open incident) is audited
     * {@code document.destruction.refused}.
     */
    void confirm(long destructionId);

    /**
     * Writes the destruction certificate (PDF, with both people's names and times and a trace code). The custodian,
     * the two signatories, or a person with {@link DocumentPermissions#REGISTER_MANAGE}. Audit
     * {@code document.destruction.certificate.downloaded} (and {@code print.trace.issued}).
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND; FORBIDDEN (audited); CONFLICT (not destroyed yet)
     */
    void certificate(long destructionId, Locale locale, OutputStream out);

    /**
     * The destructions of a document, newest first. The same people as {@link #certificate} may see them; audit
     * {@code document.destruction.listed}.
     */
    List<DestructionRecord> destructionsOf(long documentId);

    /**
     * The supervisor's worklist (两人监销): destructions performed by somebody else that await confirmation, and those
     * the current person confirmed within the last 7 days (for their certificate), at most 100. The supervisor
     * witnesses the destruction; they need no READ on the document (found by the browser walk-through: the office's
     * supervisor could not open a 秘密 document kept by another person, so could not reach the confirm button).
     * Permission {@link DocumentPermissions#DESTRUCTION_SUPERVISE}: anybody else gets an empty list, nothing audited.
     * Audit {@code document.destruction.listed} (rows) when anything is listed.
     */
    List<DestructionToConfirm> toConfirm();
}
