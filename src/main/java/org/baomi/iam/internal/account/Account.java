package org.baomi.iam.internal.account;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.baomi.iam.AccountStatus;
import org.baomi.shared.SecretLevel;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A staff account (ORG, ACC-2): identity, placement, clearance, status and roles. Login state is apart. */
@Table("iam_account")
public class Account {

    @Id
    private Long id;
    private String staffNo;
    private String fullName;
    private Long departmentId;
    private Long postId;
    private SecretLevel clearance;
    private AccountStatus status;
    private String email;
    private String phone;
    private Instant accessReviewedAt;
    private Long accessReviewedBy;
    private Instant createdAt;
    private Long createdBy;
    private Instant updatedAt;
    private Long updatedBy;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "account_id")
    private Set<AccountRole> roles = new HashSet<>();

    protected Account() {
    }

    public Account(String staffNo, String fullName, Long departmentId, Long postId, SecretLevel clearance,
            String email, String phone, Instant now, Long createdBy) {
        this.staffNo = staffNo;
        this.fullName = fullName;
        this.departmentId = departmentId;
        this.postId = postId;
        this.clearance = clearance;
        this.status = AccountStatus.ACTIVE;
        this.email = email;
        this.phone = phone;
        this.createdAt = now;
        this.createdBy = createdBy;
        this.updatedAt = now;
        this.updatedBy = createdBy;
    }

    public void touch(Instant now, Long by) {
        this.updatedAt = now;
        this.updatedBy = by;
    }

    public Long getId() { return id; }
    public String getStaffNo() { return staffNo; }
    public String getFullName() { return fullName; }
    public Long getDepartmentId() { return departmentId; }
    public Long getPostId() { return postId; }
    public SecretLevel getClearance() { return clearance; }
    public AccountStatus getStatus() { return status; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public Instant getAccessReviewedAt() { return accessReviewedAt; }
    public Long getAccessReviewedBy() { return accessReviewedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Integer getVersion() { return version; }
    public Set<AccountRole> getRoles() { return Set.copyOf(roles); }

    public void setProfile(String fullName, Long departmentId, Long postId, String email, String phone) {
        this.fullName = fullName;
        this.departmentId = departmentId;
        this.postId = postId;
        this.email = email;
        this.phone = phone;
    }

    public void setClearance(SecretLevel clearance) { this.clearance = clearance; }
    public void setStatus(AccountStatus status) { this.status = status; }

    public void replaceRoles(Set<AccountRole> newRoles) {
        this.roles = new HashSet<>(newRoles);
    }

    public void markReviewed(Instant at, Long by) {
        this.accessReviewedAt = at;
        this.accessReviewedBy = by;
    }
}
