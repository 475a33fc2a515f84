package org.baomi.document;

/** How a document is destroyed (DOC-7); electronic files are always crypto-shredded as well. */
public enum DestructionMethod {
    SHREDDING, INCINERATION, PULPING, CRYPTO_SHREDDING;

    public String messageKey() {
        return "document.destruction.method." + name();
    }
}
