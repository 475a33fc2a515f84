package org.baomi.document;

import java.util.List;

/**
 * Circulation of documents (传阅, DOC-5): the custodian sends a document to named readers, one at a time or all
 * at once; each reader signs on reading with their full name and the time (签阅); it always returns to the
 * custodian; a circulation lasts two days at most (an urgent one returns as soon as read) and overdue ones are
 * flagged and chased. Readers never pass a document on: only the custodian sends or widens the readership, and
 * only to people the access policy would let read it (clearance, permission). The readers currently holding
 * the document are its distribution list at the access decision point.
 */
public interface DocumentCirculation {

    /**
     * Sends the document into circulation. Only its custodian (anyone else is refused, audited
     * {@code document.circulation.refused}); the document must be REGISTERED (not already circulating, destroyed,
     * lost). Access policy READ for the custodian; each reader checked with the access policy. Audit
     * {@code document.circulated}; the first (sequential) or every (parallel) reader is notified.
     *
     * @return the circulation's id
     * @throws org.baomi.iam.InvalidInputException field {@code readers}, {@code mode}
     * @throws org.baomi.shared.BaomiException     NOT_FOUND, FORBIDDEN, CONFLICT (not available for circulation)
     */
    long send(long documentId, CirculationDraft draft);

    /**
     * Adds readers to an open circulation. Only the custodian, within policy, as {@link #send}. Audit
     * {@code document.circulation.widened}.
     */
    void widen(long circulationId, List<String> readerStaffNos);

    /**
     * The current person signs the document they hold (签阅): full name and time are recorded. In a sequential
     * circulation the next reader then receives it; an urgent document's reader returns it at once. Access policy
     * READ; audit {@code document.signed}.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND, FORBIDDEN (not a current reader), CONFLICT (already signed)
     */
    void sign(long circulationId);

    /**
     * The custodian records the document back: the circulation ends and every reader's right to read it with it.
     * Only the custodian. Audit {@code document.returned}.
     */
    void close(long circulationId);

    /** The documents circulating to the current person, those waiting for their signature first. */
    List<InboxItem> inbox();

    /**
     * Flags circulations past their due time and reminds the custodian and the readers who have not signed (run by
     * a scheduled job; module code, no person signed in). Audit {@code document.circulation.overdue} per newly
     * overdue circulation.
     *
     * @return the number of circulations newly flagged
     */
    int flagOverdue();
}
