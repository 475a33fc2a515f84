package org.baomi.print;

import java.util.Optional;

/**
 * Trace codes of exported copies (issue 5 item 5; DOC-3, AUD-1): every PDF or file that leaves Baomi carries a code
 * unique to that export, recorded with the person, the object, the time and the purpose, so that a leaked copy
 * leads back to one person and one moment.
 */
public interface TraceCodes {

    /**
     * Issues a new code for a copy and records it, with an audit record {@code print.trace.issued} on the copied
     * object (its level, the code, the person, the purpose), in the caller's transaction: if the export is rolled
     * back, so is its code. Checks no permission: the caller has already decided the person may have the copy.
     *
     * @throws org.baomi.shared.BaomiException INVALID ({@code print.error.trace.unknown-person},
     *                                         {@code print.error.trace.object}) for an unknown or inactive person
     *                                         or a missing or too long object type or id
     * @throws org.springframework.transaction.IllegalTransactionStateException without an active transaction
     */
    TraceCode issue(TraceRequest request);

    /**
     * "Who got the copy with this code?" Permission {@link PrintPermissions#TRACE_LOOKUP} (a refusal is audited as
     * {@code access.denied}); the lookup is audited as {@code print.trace.looked-up}, found or not, with the code;
     * a malformed code is audited under the same action with outcome FAILED, in its own transaction. Codes not in
     * this module's register are looked up in every {@link TraceSource} (copies held by patients; the audit record
     * then carries the patient's id).
     *
     * @param typed the code as typed from the copy (see {@link TraceCode#parse})
     * @return the record, or empty when no copy has this code
     * @throws org.baomi.shared.BaomiException INVALID {@code print.error.trace.malformed} when the typed text is no
     *                                         trace code (wrong length or characters, or a typo caught by the check
     *                                         character); FORBIDDEN without the permission
     */
    Optional<TraceRecord> lookup(String typed);
}
