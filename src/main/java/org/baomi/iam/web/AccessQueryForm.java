package org.baomi.iam.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.baomi.iam.AccessAction;
import org.baomi.iam.ResourceRef;

/**
 * The office's questions as typed (issue 3 item 4): an object (type and id) for who can see this, a staff number
 * and a type for what can this person see. Bound leniently; {@link #objectProblems} and {@link #personProblems} say, per field, what is wrong.
 */
public class AccessQueryForm {

    private String type;
    private String id;
    private String staffNo;
    private String action = AccessAction.READ.name();
    private int page;

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

    public String getStaffNo() {
        return staffNo;
    }

    public void setStaffNo(String staffNo) {
        this.staffNo = staffNo == null ? null : staffNo.strip();
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(page, 0);
    }

    AccessAction action() {
        AccessAction parsed = DecisionRequests.action(action);
        return parsed == null ? AccessAction.READ : parsed;
    }

    boolean typeValid() {
        return type != null && ResourceRef.TYPE_FORMAT.matcher(type).matches();
    }

    /** Field to message key, for the object question; empty when it can be asked. */
    Map<String, String> objectProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!typeValid()) {
            problems.put("type", "access-web.api.resource-type.invalid");
        }
        if (id == null || id.isEmpty() || id.length() > 100) {
            problems.put("id", "access-web.api.resource-id.invalid");
        }
        if (DecisionRequests.action(action) == null) {
            problems.put("action", "access-web.api.action.unknown");
        }
        return problems;
    }

    /** Field to message key, for the person question. */
    Map<String, String> personProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (staffNo == null || staffNo.isEmpty() || staffNo.length() > 32) {
            problems.put("staffNo", "access-web.query.staff-no.required");
        }
        if (!typeValid()) {
            problems.put("type", "access-web.api.resource-type.invalid");
        }
        if (DecisionRequests.action(action) == null) {
            problems.put("action", "access-web.api.action.unknown");
        }
        return problems;
    }

    ResourceRef resource() {
        return new ResourceRef(type, id);
    }

    /** The query string of another page of the same question. */
    public String pageQuery(int other) {
        return new QueryString().add("staffNo", staffNo).add("type", type).add("action", action)
                .add("page", Math.max(other, 0)).toString();
    }
}
