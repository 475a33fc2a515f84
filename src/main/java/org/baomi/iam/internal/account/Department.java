package org.baomi.iam.internal.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A department in the hospital's tree (ORG-3). */
@Table("iam_department")
public class Department {

    /** What kind of unit; clinical and medical-technical units see patients, the others do not (ACC-4). */
    public enum Kind { LEADERSHIP, ADMINISTRATIVE, CLINICAL, MEDICAL_TECH, SUPPORT }

    @Id
    private Long id;
    private String code;
    private String nameZh;
    private String nameEn;
    private Long parentId;
    private Kind kind;
    private int sortOrder;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;

    protected Department() {
    }

    public Department(String code, String nameZh, String nameEn, Long parentId, Kind kind, int sortOrder, Instant now) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.parentId = parentId;
        this.kind = kind;
        this.sortOrder = sortOrder;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getNameZh() { return nameZh; }
    public String getNameEn() { return nameEn; }
    public Long getParentId() { return parentId; }
    public Kind getKind() { return kind; }
    public int getSortOrder() { return sortOrder; }
}
