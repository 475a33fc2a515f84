package org.baomi.classification;

/** Permission strings of the classification module (ACC-2); none of them is ever held by one of the 三员 (ORG-5). */
public final class ClassificationPermissions {

    /** CLS-3: sets or changes a level anywhere in the catalogue (the president). */
    public static final String SET_LEVEL = "classification:level:set";

    /** CLS-3: designates and revokes the persons who may classify (the president). */
    public static final String MANAGE_DESIGNATIONS = "classification:designation:manage";

    /** Edits categories, level definitions and the guide (the confidentiality office). */
    public static final String MANAGE_CATALOGUE = "classification:catalogue:manage";

    /** API scope of integration clients that read the catalogue; signed-in people read it without one. */
    public static final String READ_CATALOGUE = "classification:catalogue:read";

    private ClassificationPermissions() {
    }
}
