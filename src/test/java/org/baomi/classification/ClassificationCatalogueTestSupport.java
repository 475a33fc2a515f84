package org.baomi.classification;

/** Shared test helpers of the classification tests. */
public final class ClassificationCatalogueTestSupport {

    private ClassificationCatalogueTestSupport() {
    }

    /** A category code unique within the test run. */
    public static String newCode() {
        return ClassificationCatalogueTests.newCode();
    }
}
