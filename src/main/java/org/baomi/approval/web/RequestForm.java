package org.baomi.approval.web;

import java.util.HashMap;
import java.util.Map;

import org.baomi.approval.SubmitApproval;

/** The request form (issue 4 item 4): what, why, for how long, and the kind's extra fields. */
public class RequestForm {

    private String kind = "access";
    private String subjectType;
    private String subjectId;
    private String action = "READ";
    private String reason;
    private String durationDays;
    private Map<String, String> fields = new HashMap<>();

    SubmitApproval toCommand(long requesterId) {
        Long days = ApprovalWeb.number(durationDays);
        Integer parsedDays = days == null ? null : (int) Math.min(days, Integer.MAX_VALUE);
        if (durationDays != null && !durationDays.isBlank() && days == null) {
            parsedDays = -1;
        }
        return new SubmitApproval(kind, requesterId, subjectType, subjectId, action, reason, parsedDays, fields);
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public void setSubjectType(String subjectType) {
        this.subjectType = subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public void setSubjectId(String subjectId) {
        this.subjectId = subjectId;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getDurationDays() {
        return durationDays;
    }

    public void setDurationDays(String durationDays) {
        this.durationDays = durationDays;
    }

    public Map<String, String> getFields() {
        return fields;
    }

    public void setFields(Map<String, String> fields) {
        this.fields = fields == null ? new HashMap<>() : fields;
    }
}
