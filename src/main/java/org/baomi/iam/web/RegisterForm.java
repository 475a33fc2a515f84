package org.baomi.iam.web;

import org.baomi.iam.RegisterAccount;

/** The registration form; the service checks every field. */
public class RegisterForm extends ProfileFields {

    private String staffNo;

    RegisterAccount toCommand() {
        return new RegisterAccount(staffNo, getFullName(), getDepartmentId(), getPostId(), getEmail(), getPhone());
    }

    public String getStaffNo() { return staffNo; }
    public void setStaffNo(String staffNo) { this.staffNo = staffNo; }
}
