package org.baomi.document;

import java.util.List;

/**
 * Copies, excerpts and carrying out (DOC-3, DOC-4): by approval only. A person who may read a document asks; the
 * approval engine routes the request (kinds {@code document-copy}, {@code document-excerpt},
 * {@code document-carry-out}: department head, then the confidentiality office, then the president — for copies and
 * excerpts of hospital secrets always (DOC-3), for carrying out from 机密 up; 绝密 always reaches the president);
 * on approval the numbered copy records (copy n of m, with their holder) or the carry-out record are created.
 * Making a copy consumes one approved copy; without one it is refused.
 */
public interface DocumentCopies {

    /**
     * Asks for copies, an excerpt or carrying out. Access policy READ on the document (audited); the request is
     * submitted to the approval engine in the same transaction. Audit {@code document.copy.requested}.
     *
     * @return the approval request's id
     * @throws org.baomi.iam.InvalidInputException field by field ({@code copies}, {@code destination},
     *                                             {@code reason}, {@code kind})
     * @throws org.baomi.shared.BaomiException     NOT_FOUND, FORBIDDEN (audited), CONFLICT (destroyed or lost)
     */
    long request(CopyRequest request);

    /**
     * The current person makes one copy or excerpt of the kind they hold an approval for (for the print module, which
     * puts the returned number on the copy). Access policy READ. Audit {@code document.copy.made}; without an
     * approved copy left, refused (FORBIDDEN, audited {@code document.copy.refused}).
     *
     * @return the copy made, with its number
     */
    CopyRecord makeCopy(long documentId, CopyKind kind);

    /**
     * The custodian records a copy back (DOC-3: copies are traceable until returned). Only the custodian. Audit
     * {@code document.copy.returned}.
     */
    void returnCopy(long copyId);

    /** The custodian records a carried-out document back (DOC-4). Only the custodian. Audit {@code document.carry-out.returned}. */
    void returnCarriedOut(long carryOutId);

    /**
     * The copies and carry-outs of a document. Access policy READ (audited as the decision).
     */
    List<CopyRecord> copiesOf(long documentId);

    /** The carry-outs of a document. Access policy READ (audited as the decision). */
    List<CarryOutRecord> carryOutsOf(long documentId);
}
