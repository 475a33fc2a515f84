package org.baomi.document;

import java.io.InputStream;

/**
 * The electronic file of a registered document (issue 5 items 2 and 5; DOC-9, DOC-3): uploaded into the encrypted
 * vault bound to the document's level mark, downloaded only within the access policy's EXPORT (custodian or grant)
 * with a trace code and, for PDFs, a visible watermark naming the reader.
 */
public interface DocumentFiles {

    /**
     * Stores (or replaces) the document's electronic file, streamed straight into the vault: nothing of it reaches a
     * temporary file. A replaced file is crypto-shredded (DOC-7: a destruction only knows the current file, so an old
     * version must not outlive it) and the replacement is recorded in the history. Access policy CHANGE (custodian or
     * {@code document:document:update} with a grant; the refusal is audited). Only while the document is kept in the
     * register (REGISTERED). Audit {@code document.file.uploaded} (file id, size, replaced file).
     *
     * @param fileName       the file's name as the person chose it (path parts are dropped)
     * @param declaredLength the length announced by the client, or -1 when unknown
     * @param content        the plaintext, read to its end, not closed
     * @throws org.baomi.shared.BaomiException INVALID ({@code document.file.error.name}, {@code …too-big},
     *         {@code …empty}), CONFLICT ({@code document.file.error.state}), NOT_FOUND, FORBIDDEN (audited)
     */
    DocumentFileInfo upload(long documentId, String fileName, long declaredLength, InputStream content);

    /**
     * Delivers the file to the current person (issue 5 item 5): access policy EXPORT; a trace code is issued and the
     * download audited ({@code document.file.downloaded} with the code) in the same transaction. A PDF is decrypted
     * in memory (at most {@code baomi.document.max-watermark-size}) and stamped with the reader's name, staff number,
     * the time, the trace code and the level mark; any other file is streamed from the vault as it is decrypted, its
     * trace code recorded and given to the sink. The sink is opened only once the file and its mark are verified.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND ({@code document.file.error.none}), CONFLICT (destroyed or
     *         lost; {@code document.file.error.pdf-too-large}), FORBIDDEN (audited; {@code vault.file.tampered})
     */
    void download(long documentId, FileSink sink);

    /**
     * The largest file {@link #upload} accepts, in bytes ({@code baomi.document.max-file-size}), so that a page can
     * refuse an over-large file before sending it. Configuration, not content: no permission, not audited.
     */
    long maxFileSize();
}
