package org.baomi.iam.web;

/** The staff member's break-the-glass form: the object, the stated reason and the confirmation. */
public class BreakGlassForm {

    private String type;
    private String id;
    private String reason;
    private boolean confirm;
    private String returnTo;

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type == null ? null : type.strip();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id == null ? null : id.strip();
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public boolean isConfirm() {
        return confirm;
    }

    public void setConfirm(boolean confirm) {
        this.confirm = confirm;
    }

    /** The page to go back to once the session is open (issue 6: the patient page); a local path or null. */
    public String getReturnTo() {
        return returnTo;
    }

    public void setReturnTo(String returnTo) {
        this.returnTo = returnTo == null || returnTo.isBlank() ? null : returnTo.strip();
    }
}
