package org.baomi.monitor.internal.detect;

import java.util.List;

/**
 * One line of an alert's evidence in plain language: a message key of the {@code monitor-detect} bundle and its
 * arguments (already formatted text), stored as {@code {"key": ..., "args": [...]}} in {@code mon_alert.evidence}.
 */
public record EvidenceLine(String key, List<String> args) {

    public EvidenceLine {
        args = List.copyOf(args);
    }

    static EvidenceLine of(String key, Object... args) {
        return new EvidenceLine(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
