package org.baomi.audit;

import java.time.Instant;
import java.util.List;

/**
 * Baomi's own accesses to patient records, read from the trail in chain order, for the privacy monitoring that
 * looks at them next to the EMR's (issue 7 item 1; PAT-4, AUD-2). Only sealed entries are read: the chain's
 * sequence is gap-free and given after commit, so a reader that resumes after the last sequence it saw never skips
 * an entry that committed late.
 *
 * <p>In-process only, for module code (a job); no permission is checked and nothing is audited here: the entries
 * go, unchanged in substance, into the monitoring's own store, whose readers are guarded and audited there. Entries
 * are those with a patient subject, an allowed outcome and a person as actor; batch imports (which name their
 * patients in {@code details.patients}) are not a person looking and are left out.
 */
public interface AuditPatientAccesses {

    /**
     * Entries after the chain sequence {@code afterSequence}, in chain order, looking at no more than
     * {@code maxSequences} chain positions (so that a stretch without patient entries still moves the reader on).
     *
     * @param afterSequence 0 to start at the beginning of the chain
     * @param maxSequences  1 to 50,000
     */
    Page after(long afterSequence, int maxSequences);

    /**
     * One access: the chain sequence and entry id, when, who (the person's account id), what (the audit action, such
     * as {@code privacy.patient.viewed}), the patient id as recorded, and the source address of the request.
     */
    record Access(long sequence, long entryId, Instant occurredAt, long personId, String action, String patientId,
            String sourceAddress) {
    }

    /**
     * @param accesses     the accesses found, in chain order
     * @param lastSequence the last chain sequence looked at (where to resume); {@code afterSequence} when nothing
     *                     new was sealed
     */
    record Page(List<Access> accesses, long lastSequence) {

        public Page {
            accesses = List.copyOf(accesses);
        }
    }
}
