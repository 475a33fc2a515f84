package org.baomi.shared;

/**
 * The five classification levels of CLS-1, lowest first. The declaration order is the order of the
 * levels, so {@link #atLeast(SecretLevel)} and {@link #compareTo(Enum)} express "higher than".
 */
public enum SecretLevel {
    PUBLIC,
    INTERNAL,
    SECRET,
    HIGHLY_SECRET,
    TOP_SECRET;

    /** True when this level is the given level or higher. */
    public boolean atLeast(SecretLevel other) {
        return compareTo(other) >= 0;
    }

    /** Message key of the level's name ("secret-level.SECRET" = 秘密). */
    public String messageKey() {
        return "secret-level." + name();
    }
}
