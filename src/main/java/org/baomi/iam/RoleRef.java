package org.baomi.iam;

import java.io.Serializable;

/** A role as shown next to an account: id, code, name, and its administrator kind (null for a business role). */
public record RoleRef(long id, String code, LocalizedName name, AdminKind adminKind) implements Serializable {

    public boolean administrative() {
        return adminKind != null;
    }
}
