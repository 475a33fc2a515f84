package org.baomi.monitor;

import java.util.List;

/**
 * One line of an alert's evidence: the detector's message key and arguments as stored, and the text rendered in the
 * reader's language (the key itself when no bundle has it).
 */
public record AlertQueryEvidence(String key, List<Object> args, String text) {

    public AlertQueryEvidence {
        args = args == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }
}
