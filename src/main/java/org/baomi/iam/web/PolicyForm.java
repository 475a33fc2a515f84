package org.baomi.iam.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.baomi.iam.AccessAction;
import org.baomi.iam.AccessPolicyRule;
import org.baomi.iam.NeedToKnow;
import org.baomi.iam.PolicyDraft;
import org.baomi.iam.PolicyVersion;
import org.baomi.shared.SecretLevel;

/**
 * The policy editor's draft (issue 3 item 3): every rule of the new version as rows, the version it was started
 * from and the reason. Property paths ({@code rules[2].permission}) are those the policy's validation names.
 */
public class PolicyForm {

    private long baseVersion;
    private String reason;
    private List<Row> rules = new ArrayList<>();

    /** One editable rule. Numbers stay boxed so that an empty field binds as null, not as a type error. */
    public static class Row {
        private String resourceType;
        private AccessAction action;
        private String permission;
        private Set<NeedToKnow> bases = EnumSet.noneOf(NeedToKnow.class);
        private SecretLevel departmentMaxLevel;
        private boolean medicalOnly;
        private Integer careWindowDays;
        private Integer breakGlassMinutes;
        private boolean remove;

        static Row of(AccessPolicyRule rule) {
            Row row = new Row();
            row.resourceType = rule.resourceType();
            row.action = rule.action();
            row.permission = rule.permission();
            row.bases = rule.bases().isEmpty() ? EnumSet.noneOf(NeedToKnow.class) : EnumSet.copyOf(rule.bases());
            row.departmentMaxLevel = rule.departmentMaxLevel();
            row.medicalOnly = rule.medicalOnly();
            row.careWindowDays = rule.careWindowDays();
            row.breakGlassMinutes = rule.breakGlassMinutes();
            return row;
        }

        AccessPolicyRule toRule() {
            return new AccessPolicyRule(resourceType == null ? "" : resourceType.strip(), action,
                    permission == null ? "" : permission.strip(), bases, departmentMaxLevel, medicalOnly,
                    careWindowDays == null ? 0 : careWindowDays, breakGlassMinutes == null ? 0 : breakGlassMinutes);
        }

        public String getResourceType() {
            return resourceType;
        }

        public void setResourceType(String resourceType) {
            this.resourceType = resourceType;
        }

        public AccessAction getAction() {
            return action;
        }

        public void setAction(AccessAction action) {
            this.action = action;
        }

        public String getPermission() {
            return permission;
        }

        public void setPermission(String permission) {
            this.permission = permission;
        }

        public Set<NeedToKnow> getBases() {
            return bases;
        }

        public void setBases(Set<NeedToKnow> bases) {
            this.bases = bases == null || bases.isEmpty() ? EnumSet.noneOf(NeedToKnow.class) : EnumSet.copyOf(bases);
        }

        public SecretLevel getDepartmentMaxLevel() {
            return departmentMaxLevel;
        }

        public void setDepartmentMaxLevel(SecretLevel departmentMaxLevel) {
            this.departmentMaxLevel = departmentMaxLevel;
        }

        public boolean isMedicalOnly() {
            return medicalOnly;
        }

        public void setMedicalOnly(boolean medicalOnly) {
            this.medicalOnly = medicalOnly;
        }

        public Integer getCareWindowDays() {
            return careWindowDays;
        }

        public void setCareWindowDays(Integer careWindowDays) {
            this.careWindowDays = careWindowDays;
        }

        public Integer getBreakGlassMinutes() {
            return breakGlassMinutes;
        }

        public void setBreakGlassMinutes(Integer breakGlassMinutes) {
            this.breakGlassMinutes = breakGlassMinutes;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }
    }

    static PolicyForm of(PolicyVersion version) {
        PolicyForm form = new PolicyForm();
        form.baseVersion = version.version();
        for (AccessPolicyRule rule : version.rules()) {
            form.rules.add(Row.of(rule));
        }
        return form;
    }

    /** Drops the rows marked for removal. */
    void dropRemoved() {
        rules.removeIf(row -> row == null || row.isRemove());
    }

    void addRow() {
        Row row = new Row();
        row.action = AccessAction.READ;
        rules.add(row);
    }

    PolicyDraft toDraft() {
        List<AccessPolicyRule> list = new ArrayList<>();
        for (Row row : rules) {
            list.add(row.toRule());
        }
        return new PolicyDraft(baseVersion, list, reason == null ? null : reason.strip());
    }

    public long getBaseVersion() {
        return baseVersion;
    }

    public void setBaseVersion(long baseVersion) {
        this.baseVersion = baseVersion;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public List<Row> getRules() {
        return rules;
    }

    public void setRules(List<Row> rules) {
        this.rules = rules == null ? new ArrayList<>() : new ArrayList<>(rules);
    }
}
