package org.baomi.approval;

import java.time.Instant;
import java.util.List;

/**
 * The chain of a kind as configured (issue 4 item 1), one version.
 *
 * @param version        0 for the kind's default chain (never configured), then 1, 2, ...
 * @param escalationRole the role whose holders receive a step when its deadline passes
 */
public record ChainConfiguration(String kind, int version, List<ChainStep> steps, String escalationRole,
        Instant changedAt, String changedByName, String reason) {

    public ChainConfiguration {
        steps = List.copyOf(steps);
    }
}
