package org.baomi.print;

import java.util.Objects;

import org.baomi.shared.SecretLevel;

/**
 * A copy about to be made, for which a trace code is issued.
 *
 * @param personId   the account id of the person who receives the copy
 * @param objectType the kind of object copied ("document", "register", "destruction"), lower case, at most 40
 *                   characters
 * @param objectId   its id, at most 64 characters
 * @param level      its secret level, or null when it has none
 * @param purpose    why the copy is made
 */
public record TraceRequest(long personId, String objectType, String objectId, SecretLevel level,
        TracePurpose purpose) {

    public TraceRequest {
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(purpose, "purpose");
    }
}
