package org.baomi.iam.web;

import org.baomi.iam.AccountStatus;

/** A status change with its reason (required unless the account becomes active). */
public class StatusForm {

    private Integer version;
    private AccountStatus status;
    private String reason;

    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public AccountStatus getStatus() { return status; }
    public void setStatus(AccountStatus status) { this.status = status; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
