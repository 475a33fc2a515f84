package org.baomi.document;

/** Whether a document was received from outside or dispatched by the hospital (收文, 发文; DOC-2). */
public enum Direction {
    /** 收文: received. */
    RECEIPT,
    /** 发文: dispatched. */
    DISPATCH;

    /** Message key of the direction's name; also the prefix of its serial numbers ({@code document.serial-prefix.*}). */
    public String messageKey() {
        return "document.direction." + name();
    }
}
