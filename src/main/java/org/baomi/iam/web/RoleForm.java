package org.baomi.iam.web;

import java.util.Arrays;
import java.util.List;

import org.baomi.iam.RoleDraft;
import org.baomi.iam.RoleSummary;

/** A business role as edited: permissions one per line. */
public class RoleForm {

    private Integer version;
    private String code;
    private String nameZh;
    private String nameEn;
    private String permissions;

    static RoleForm of(RoleSummary role) {
        RoleForm f = new RoleForm();
        f.version = role.version();
        f.code = role.code();
        f.nameZh = role.name().zh();
        f.nameEn = role.name().en();
        f.permissions = String.join("\n", role.permissions());
        return f;
    }

    RoleDraft toDraft() {
        List<String> lines = permissions == null ? List.of() : Arrays.asList(permissions.split("\\R"));
        return new RoleDraft(code, nameZh, nameEn, lines);
    }

    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getPermissions() { return permissions; }
    public void setPermissions(String permissions) { this.permissions = permissions; }
}
