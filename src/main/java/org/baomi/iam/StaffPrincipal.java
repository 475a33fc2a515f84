package org.baomi.iam;

import java.io.Serializable;
import java.util.Set;

import org.baomi.shared.SecretLevel;

/**
 * The signed-in person as the rest of Baomi sees them: identity snapshot, clearance, administrator kind (if
 * any) and permission strings ({@code module:resource:action}).
 */
public record StaffPrincipal(long accountId, String staffNo, String fullName, Long departmentId,
        String departmentName, SecretLevel clearance, AdminKind adminKind, Set<String> permissions,
        boolean medical) implements Serializable {

    public StaffPrincipal {
        permissions = Set.copyOf(permissions);
    }

    public boolean isAdministrator() {
        return adminKind != null;
    }

    /**
     * True when one of the person's permissions covers the given one; a {@code *} segment in a held
     * permission matches any value of that segment.
     */
    public boolean hasPermission(String permission) {
        return permissions.stream().anyMatch(held -> Permissions.covers(held, permission));
    }
}
