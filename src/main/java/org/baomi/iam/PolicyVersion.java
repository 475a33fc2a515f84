package org.baomi.iam;

import java.time.Instant;
import java.util.List;

/**
 * One version of the access policy: the whole rule set as it was saved, with who saved it, when and why. Every
 * change creates a new version; versions are never edited nor deleted.
 *
 * @param version       version number, 1 = the seeded defaults
 * @param createdAt     when it was saved
 * @param createdBy     account id of the security administrator, null for the seed
 * @param createdByName name at the time, null for the seed
 * @param reason        why it was changed
 * @param rules         the rules, sorted by type and action
 */
public record PolicyVersion(long version, Instant createdAt, Long createdBy, String createdByName, String reason,
        List<AccessPolicyRule> rules) {

    public PolicyVersion {
        rules = List.copyOf(rules);
    }
}
