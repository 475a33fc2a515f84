package org.baomi.iam;

import java.util.List;

/**
 * The questions the confidentiality office asks (issue 3 item 4), answered over the same rules as
 * {@link AccessPolicy#decide}: candidates are collected from the model's indexes (custodian, distribution list,
 * department, care team, grants, open break-the-glass sessions) and each is then decided, so the answers agree with
 * {@code decide} (without a break-the-glass id in the context) by construction.
 *
 * <p>Requires {@link AccessPermissions#QUERY}. Audit actions: {@code access.query.who-can},
 * {@code access.query.what-can} (written independently; the answer is not content, the question is recorded).
 */
public interface AccessQueries {

    /** Everyone who may do the action on the object now, with the reason, by staff number. */
    List<AccessHolder> whoCanAccess(ResourceRef resource, AccessAction action);

    /**
     * The objects of the type the person may act on now, with the reason, ordered by id.
     *
     * @param page zero-based page
     * @param size page size, 1..500
     */
    ResultPage<AccessibleObject> whatCanAccess(long personId, AccessAction action, String resourceType, int page, int size);
}
