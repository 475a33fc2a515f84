package org.baomi.iam.web;

import java.util.HashSet;
import java.util.Set;

/** The roles an account is to hold (the whole set), with the version it was read at. */
public class RolesForm {

    private Integer version;
    private Set<Long> roleIds = new HashSet<>();

    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public Set<Long> getRoleIds() { return roleIds; }
    public void setRoleIds(Set<Long> roleIds) { this.roleIds = roleIds == null ? new HashSet<>() : roleIds; }
}
