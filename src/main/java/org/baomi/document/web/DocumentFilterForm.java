package org.baomi.document.web;

import org.baomi.document.Direction;
import org.baomi.document.DocumentFilter;
import org.baomi.document.DocumentStatus;
import org.baomi.shared.SecretLevel;

/**
 * The register's search as query parameters. Values that cannot be parsed are dropped (a filter, not a form to
 * correct); the module API refuses out-of-range paging.
 */
public class DocumentFilterForm {

    static final int PAGE_SIZE = 20;

    private String q;
    private String level;
    private String category;
    private String custodian;
    private String status;
    private String direction;
    private String due;
    private boolean overdue;
    private String page;

    DocumentFilter toFilter() {
        Integer p = Forms.integer(page);
        Integer custodianId = Forms.integer(custodian);
        Integer dueDays = Forms.integer(due);
        return new DocumentFilter(q == null || q.isBlank() ? null : q.strip(), Forms.choice(SecretLevel.class, level),
                category == null || category.isBlank() ? null : category.strip(),
                custodianId == null ? null : custodianId.longValue(), Forms.choice(DocumentStatus.class, status),
                Forms.choice(Direction.class, direction), dueDays == null ? null : Math.min(dueDays, 3650), overdue,
                p == null ? 0 : Math.min(p, 100_000), PAGE_SIZE);
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getCustodian() { return custodian; }
    public void setCustodian(String custodian) { this.custodian = custodian; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getDirection() { return direction; }
    public void setDirection(String direction) { this.direction = direction; }
    public String getDue() { return due; }
    public void setDue(String due) { this.due = due; }
    public boolean isOverdue() { return overdue; }
    public void setOverdue(boolean overdue) { this.overdue = overdue; }
    public String getPage() { return page; }
    public void setPage(String page) { this.page = page; }
}
