package org.baomi.iam;

import java.util.Objects;

import org.baomi.shared.SecretLevel;

/**
 * A protected object as the decision point knows it: its level, owning department and custodian. Patients are
 * registered with the level the policy of their data calls for (usually {@link SecretLevel#SECRET}, PAT-1).
 *
 * @param ref          type and id
 * @param level        classification level (CLS-1)
 * @param departmentId owning department (department scope), or null
 * @param custodianId  account id of the custodian (DOC-1), or null
 */
public record ProtectedObject(ResourceRef ref, SecretLevel level, Long departmentId, Long custodianId) {

    public ProtectedObject {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(level, "level");
    }
}
