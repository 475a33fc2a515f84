package org.baomi.document;

import java.util.List;

/**
 * Loss and leaks (DOC-8) and the office's holds (DOC-7). Reporting a document or a copy lost or leaked freezes access
 * at once — distribution emptied, status LOST, the access point's object left without custodian and department so
 * that nobody reads it but through the register (the office) — opens an incident record and notifies the
 * confidentiality office. A hold or an open incident blocks destruction.
 */
public interface DocumentLoss {

    /**
     * Reports a loss or leak. The custodian, a person holding the document or the copy (circulation reader, copy
     * holder), or a person with {@link DocumentPermissions#REGISTER_MANAGE}. Audit {@code document.loss.reported};
     * the office is notified.
     *
     * @return the incident's id
     * @throws org.baomi.iam.InvalidInputException ({@code kind}, {@code circumstances}, {@code copyId})
     * @throws org.baomi.shared.BaomiException     NOT_FOUND; FORBIDDEN (audited {@code document.loss.refused});
     *                                             CONFLICT (destroyed)
     */
    long report(LossReport report);

    /**
     * Closes an incident (the office: permission {@link DocumentPermissions#INCIDENT_MANAGE}). The document stays LOST.
     * Audit {@code document.incident.closed}.
     */
    void closeIncident(long incidentId, String note);

    /** The incidents of a document, newest first. Permission {@link DocumentPermissions#INCIDENT_MANAGE}; audit {@code document.incident.listed}. */
    List<DocumentIncident> incidentsOf(long documentId);

    /**
     * Sets a hold (the office: {@link DocumentPermissions#INCIDENT_MANAGE}); while it is in force the document cannot
     * be destroyed. Audit {@code document.hold.set}.
     *
     * @throws org.baomi.shared.BaomiException CONFLICT when one is in force already
     */
    void hold(long documentId, String reason);

    /** Releases the hold in force. Audit {@code document.hold.released}. */
    void releaseHold(long documentId);
}
