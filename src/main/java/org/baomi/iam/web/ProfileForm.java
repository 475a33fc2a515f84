package org.baomi.iam.web;

import org.baomi.iam.AccountDetails;
import org.baomi.iam.UpdateProfile;

/** The profile part of the account page, with the version it was read at (optimistic locking). */
public class ProfileForm extends ProfileFields {

    private Integer version;

    static ProfileForm of(AccountDetails a) {
        ProfileForm f = new ProfileForm();
        f.version = a.version();
        f.setFullName(a.fullName());
        f.setDepartmentId(a.departmentId());
        f.setPostId(a.postId());
        f.setEmail(a.email());
        f.setPhone(a.phone());
        return f;
    }

    UpdateProfile toCommand() {
        return new UpdateProfile(getFullName(), getDepartmentId(), getPostId(), getEmail(), getPhone());
    }

    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
