package org.baomi.iam.internal.account;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A role: a named set of permission strings (ACC-2). */
@Table("iam_role")
public class Role {

    @Id
    private Long id;
    private String code;
    private String nameZh;
    private String nameEn;
    private RoleKind kind;
    private boolean builtIn;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "role_id")
    private Set<RolePermission> permissions = new HashSet<>();

    protected Role() {
    }

    public Role(String code, String nameZh, String nameEn, RoleKind kind, Set<String> permissions, Instant now) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.kind = kind;
        this.createdAt = now;
        this.updatedAt = now;
        replacePermissions(permissions, now);
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getNameZh() { return nameZh; }
    public String getNameEn() { return nameEn; }
    public RoleKind getKind() { return kind; }
    public boolean isBuiltIn() { return builtIn; }
    public Integer getVersion() { return version; }

    public Set<String> permissionStrings() {
        return permissions.stream().map(RolePermission::permission).collect(Collectors.toUnmodifiableSet());
    }

    public void rename(String nameZh, String nameEn, Instant now) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.updatedAt = now;
    }

    public void replacePermissions(Set<String> newPermissions, Instant now) {
        this.permissions = newPermissions.stream().map(RolePermission::new).collect(Collectors.toCollection(HashSet::new));
        this.updatedAt = now;
    }
}
