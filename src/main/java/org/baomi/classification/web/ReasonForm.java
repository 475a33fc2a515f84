package org.baomi.classification.web;

/** A change that needs only a reason and the version it is based on (deactivate, reactivate, revoke). */
public class ReasonForm {

    private Integer version;
    private String reason;

    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
