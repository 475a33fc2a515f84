package org.baomi.classification.web;

import org.baomi.classification.GuideDraft;
import org.baomi.classification.GuideSection;

/** A section of the guide as edited on the form. */
public class GuideForm {

    private Integer version;
    private String titleZh;
    private String titleEn;
    private String bodyZh;
    private String bodyEn;
    private String reason;

    static GuideForm of(GuideSection s) {
        GuideForm f = new GuideForm();
        f.version = s.version();
        f.titleZh = s.title().zh();
        f.titleEn = s.title().en();
        f.bodyZh = s.body().zh();
        f.bodyEn = s.body().en();
        return f;
    }

    GuideDraft toDraft() {
        return new GuideDraft(titleZh, titleEn, bodyZh, bodyEn);
    }

    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public String getTitleZh() { return titleZh; }
    public void setTitleZh(String titleZh) { this.titleZh = titleZh; }
    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String titleEn) { this.titleEn = titleEn; }
    public String getBodyZh() { return bodyZh; }
    public void setBodyZh(String bodyZh) { this.bodyZh = bodyZh; }
    public String getBodyEn() { return bodyEn; }
    public void setBodyEn(String bodyEn) { this.bodyEn = bodyEn; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
