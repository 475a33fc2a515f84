package org.baomi.iam;

import java.util.Objects;

/**
 * A question to the decision point: may this person do this to that object, in these circumstances?
 *
 * @param personId account id of the person (staff member) who would see or change the content
 * @param action   what they want to do
 * @param resource the protected object; for {@link AccessAction#CREATE} the id may name the object about to be
 *                 created (it need not be registered yet)
 * @param context  circumstances; {@link AccessContext#NONE} when there are none
 */
public record AccessRequest(long personId, AccessAction action, ResourceRef resource, AccessContext context) {

    public AccessRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        context = context == null ? AccessContext.NONE : context;
    }

    public AccessRequest(long personId, AccessAction action, ResourceRef resource) {
        this(personId, action, resource, AccessContext.NONE);
    }

    public static AccessRequest read(long personId, ResourceRef resource) {
        return new AccessRequest(personId, AccessAction.READ, resource, AccessContext.NONE);
    }
}
