package org.baomi.classification;

/**
 * Whether a person may set or change a level (CLS-3), and why, as a message key that explains it in plain
 * language ({@code classification.classifier.allowed.president}, {@code classification.classifier.denied.not-designated}, ...).
 *
 * @param designationId the designation that allows it, when one does; else null
 */
public record ClassifierDecision(boolean allowed, String reasonKey, Long designationId) {

    public static ClassifierDecision allow(String reason) {
        return new ClassifierDecision(true, "classification.classifier.allowed." + reason, null);
    }

    public static ClassifierDecision allowBy(long designationId) {
        return new ClassifierDecision(true, "classification.classifier.allowed.designee", designationId);
    }

    public static ClassifierDecision deny(String reason) {
        return new ClassifierDecision(false, "classification.classifier.denied." + reason, null);
    }
}
