package org.baomi.iam.web;

import org.baomi.iam.AccountDetails;
import org.baomi.iam.UpdateProfile;

/** The profile part of the account page, with the version it was read at (optimistic locking). */
public class ProfileForm {

    private Integer version;
    private String fullName;
    private Long departmentId;
    private Long postId;
    private String email;
    private String phone;

    static ProfileForm of(AccountDetails a) {
        ProfileForm f = new ProfileForm();
        f.version = a.version();
        f.fullName = a.fullName();
        f.departmentId = a.departmentId();
        f.postId = a.postId();
        f.email = a.email();
        f.phone = a.phone();
        return f;
    }

    UpdateProfile toCommand() {
        return new UpdateProfile(fullName, departmentId, postId, email, phone);
    }

    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public String getFullName() { return fullName; }
    public void setFullName(String fullName) { this.fullName = fullName; }
    public Long getDepartmentId() { return departmentId; }
    public void setDepartmentId(Long departmentId) { this.departmentId = departmentId; }
    public Long getPostId() { return postId; }
    public void setPostId(Long postId) { this.postId = postId; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
}
