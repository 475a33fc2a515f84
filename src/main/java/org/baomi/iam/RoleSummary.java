package org.baomi.iam;

import java.util.List;

/**
 * A role with its permissions. {@code adminKind} is set for the three administrator roles of ORG-5 and null for
 * business roles; {@code holders} counts the accounts that hold it.
 */
public record RoleSummary(long id, String code, LocalizedName name, AdminKind adminKind, boolean builtIn,
        List<String> permissions, long holders, int version) {

    public RoleSummary {
        permissions = List.copyOf(permissions);
    }

    public boolean administrative() {
        return adminKind != null;
    }
}
