package org.baomi.document;

/** What a request under DOC-3 or DOC-4 asks for; each is an approval kind of its own. */
public enum CopyKind {
    /** 复制: copies of the whole document (DOC-3). */
    COPY("document-copy"),
    /** 摘抄: an excerpt (DOC-3). */
    EXCERPT("document-excerpt"),
    /** 携带外出: carrying the document out or handing it to an outside party (DOC-4). */
    CARRY_OUT("document-carry-out");

    private final String approvalKind;

    CopyKind(String approvalKind) {
        this.approvalKind = approvalKind;
    }

    /** The approval kind's code in the approval engine. */
    public String approvalKind() {
        return approvalKind;
    }

    public String messageKey() {
        return "document.copy-kind." + name();
    }
}
