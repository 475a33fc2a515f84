package org.baomi.iam.internal.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.baomi.iam.AdminKind;
import org.baomi.shared.SecretLevel;

/**
 * A person as the decision model holds them: immutable, replaced whole on any change, so a decision never sees a
 * half-applied change. Permissions are split into an exact set and the few wildcard ones, so the common check is
 * one hash look-up.
 */
public final class PersonEntry {

    final long id;
    final String staffNo;
    final String fullName;
    final boolean active;
    final SecretLevel clearance;
    final AdminKind adminKind;
    final boolean medical;
    final long departmentId;
    final String holdReasonKey;
    private final Set<String> exactPermissions;
    private final String[][] wildcardPermissions;
    private final Set<String> permissions;

    /**
     * @param departmentId the department, or {@link AccessModel#NONE}
     * @param holdReasonKey the obligations hold (PPL-1, PPL-2), or null
     */
    public PersonEntry(long id, String staffNo, String fullName, boolean active, SecretLevel clearance, AdminKind adminKind,
            boolean medical, long departmentId, Set<String> permissions, String holdReasonKey) {
        this.id = id;
        this.staffNo = staffNo == null ? "" : staffNo;
        this.fullName = fullName == null ? "" : fullName;
        this.active = active;
        this.clearance = clearance == null ? SecretLevel.PUBLIC : clearance;
        this.adminKind = adminKind;
        this.medical = medical;
        this.departmentId = departmentId;
        this.holdReasonKey = holdReasonKey;
        this.permissions = Set.copyOf(permissions);
        Set<String> exact = new HashSet<>();
        List<String[]> wildcards = new ArrayList<>();
        for (String p : permissions) {
            if (p.indexOf('*') >= 0) {
                wildcards.add(p.split(":"));
            } else {
                exact.add(p);
            }
        }
        this.exactPermissions = exact;
        this.wildcardPermissions = wildcards.toArray(new String[0][]);
    }

    public PersonEntry withHold(String reasonKey) {
        return new PersonEntry(id, staffNo, fullName, active, clearance, adminKind, medical, departmentId, permissions,
                reasonKey);
    }

    /** ACC-2: the same matching rule as {@code StaffPrincipal.hasPermission}: a held {@code *} segment matches any. */
    boolean holds(String permission, String[] segments) {
        if (exactPermissions.contains(permission)) {
            return true;
        }
        for (String[] held : wildcardPermissions) {
            if (held.length == 3 && matches(held[0], segments[0]) && matches(held[1], segments[1])
                    && matches(held[2], segments[2])) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String held, String wanted) {
        return held.equals("*") || held.equals(wanted);
    }

    public long id() {
        return id;
    }

    public String staffNo() {
        return staffNo;
    }

    public String fullName() {
        return fullName;
    }

    public long departmentId() {
        return departmentId;
    }

    public boolean active() {
        return active;
    }

    public SecretLevel clearance() {
        return clearance;
    }

    public AdminKind adminKind() {
        return adminKind;
    }

    public boolean medical() {
        return medical;
    }

    public String holdReasonKey() {
        return holdReasonKey;
    }

    public Set<String> permissions() {
        return permissions;
    }
}
