package org.baomi.print;

/** Why a copy was made; shown to the confidentiality office with the trace (message key {@code print.purpose.X}). */
public enum TracePurpose {
    /** An electronic file downloaded (issue 5 item 5). */
    DOWNLOAD,
    /** A document or page printed on paper. */
    PRINT,
    /** An approved copy or excerpt (DOC-3). */
    COPY,
    /** A cover sheet for a paper document (DOC-1). */
    COVER_SHEET,
    /** Register pages exported or printed (DOC-1). */
    REGISTER_EXPORT,
    /** A destruction certificate (DOC-7). */
    DESTRUCTION_CERTIFICATE,
    /** Any other export, named by the object type. */
    OTHER;

    public String messageKey() {
        return "print.purpose." + name();
    }
}
