package org.baomi.document;

/** Permission strings of the document module ({@code module:resource:action}). */
public final class DocumentPermissions {

    /** Register received and dispatched documents, keep the register, search and export it (DOC-2). */
    public static final String REGISTER_MANAGE = "document:register:manage";
    /** Read documents (checked by the access policy for type document, action READ). */
    public static final String READ = "document:document:read";
    /** Create documents (checked by the access policy for type document, action CREATE). */
    public static final String CREATE = "document:document:create";
    /** Send documents one keeps into circulation (DOC-5). */
    public static final String CIRCULATION_MANAGE = "document:circulation:manage";

    /** Supervise and confirm a destruction performed by another person (两人监销, DOC-7). */
    public static final String DESTRUCTION_SUPERVISE = "document:destruction:supervise";
    /** The confidentiality office's incident work on documents: holds, closing loss incidents (DOC-7, DOC-8). */
    public static final String INCIDENT_MANAGE = "incident:incident:manage";

    /**
     * API token scope: search the register and read a document's entry for a named staff member
     * ({@link DocumentsOnBehalf}). Issued by the security administrator; grants nothing by itself (ORG-5).
     */
    public static final String SCOPE_REGISTER_READ = "document:register:read";
    /** API token scope: export a document's electronic file for a named staff member ({@link DocumentsOnBehalf}). */
    public static final String SCOPE_FILE_EXPORT = "document:file:export";

    private DocumentPermissions() {
    }
}
