package org.baomi.iam.internal.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A post (岗位); medical posts may see the patients they care for (ACC-4). */
@Table("iam_post")
public class Post {

    @Id
    private Long id;
    private String code;
    private String nameZh;
    private String nameEn;
    private boolean medical;
    private Instant createdAt;
    @Version
    private Integer version;

    protected Post() {
    }

    public Post(String code, String nameZh, String nameEn, boolean medical, Instant now) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.medical = medical;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getNameZh() { return nameZh; }
    public String getNameEn() { return nameEn; }
    public boolean isMedical() { return medical; }
}
