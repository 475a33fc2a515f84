package org.baomi.iam;

/**
 * What a person wants to do with a protected object (ACC-1). The policy ({@link AccessPolicies}) names, per object
 * type and action, the permission required and the need-to-know bases that count.
 */
public enum AccessAction {
    /** Show the content (CLS-1: never above the person's clearance). */
    READ,
    /** Change the content (CLS-1: never write content of a higher level into a lower-level object). */
    CHANGE,
    /** Take the content out of Baomi: download, print, export (ACC-5, DOC-3). */
    EXPORT,
    /** Create a new object of the type (no object id needed; need-to-know is the department's). */
    CREATE;

    /** Lower-case name, as used in permission strings and the REST API ("read"). */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
