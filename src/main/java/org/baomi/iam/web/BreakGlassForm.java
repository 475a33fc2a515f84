package org.baomi.iam.web;

/** The staff member's break-the-glass form: the object, the stated reason and the confirmation. */
public class BreakGlassForm {

    private String type;
    private String id;
    private String reason;
    private boolean confirm;

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
}
