package org.baomi.document;

/**
 * Automatic declassification (自行解密, CLS-4): when a document's confidentiality period ends, it is declassified on
 * that day, recorded, and its holders are told.
 */
public interface DocumentDeclassification {

    /**
     * Declassifies every document whose period ends on or before today (injected clock) and which is still kept
     * (not destroyed, lost or declassified): status DECLASSIFIED, the event in its history, the access point's level
     * lowered to 内部 (declassified is not public, CLS-5), and the custodian, the readers holding it and the holders of
     * copies told. Run by a daily job (module code, no person signed in). Audit {@code document.declassified} per
     * document, with the system actor.
     *
     * @return the number of documents declassified
     */
    int declassifyDue();
}
