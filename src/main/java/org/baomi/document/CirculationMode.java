package org.baomi.document;

/** How a circulation reaches its readers (DOC-5); either way it returns to the custodian after each reader. */
public enum CirculationMode {
    /** One reader at a time, in the order given: the next receives it when the previous has signed. */
    SEQUENTIAL,
    /** All readers at once. */
    PARALLEL;

    public String messageKey() {
        return "document.circulation.mode." + name();
    }
}
