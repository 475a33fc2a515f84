package org.baomi.iam.web;

import org.baomi.iam.RegisterAccount;

/** The registration form; the service checks every field. */
public class RegisterForm {

    private String staffNo;
    private String fullName;
    private Long departmentId;
    private Long postId;
    private String email;
    private String phone;

    RegisterAccount toCommand() {
        return new RegisterAccount(staffNo, fullName, departmentId, postId, email, phone);
    }

    public String getStaffNo() { return staffNo; }
    public void setStaffNo(String staffNo) { this.staffNo = staffNo; }
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
