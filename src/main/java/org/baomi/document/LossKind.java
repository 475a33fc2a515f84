package org.baomi.document;

/** What happened to a document reported under DOC-8. */
public enum LossKind {
    LOST, LEAKED;

    public String messageKey() {
        return "document.incident.kind." + name();
    }
}
