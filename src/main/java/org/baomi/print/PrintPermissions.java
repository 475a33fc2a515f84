package org.baomi.print;

/** Permission strings of the print module (ACC-2); none of them is ever held by one of the 三员 (ORG-5). */
public final class PrintPermissions {

    /** AUD-1, DOC-3: the confidentiality office asks "who got the copy with this trace code?". */
    public static final String TRACE_LOOKUP = "print:trace:lookup";

    private PrintPermissions() {
    }
}
