package org.baomi.document;

/** Progress of a year-end return campaign in one department (DOC-6): items listed and items confirmed back. */
public record ReturnProgress(Long departmentId, int items, int returned) {

    /** Percent returned, 100 when nothing was out. */
    public int percent() {
        return items == 0 ? 100 : returned * 100 / items;
    }
}
