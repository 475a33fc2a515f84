package org.baomi.classification.web;

import java.util.ArrayList;
import java.util.List;

import org.baomi.classification.CategoryDraft;
import org.baomi.classification.CategorySummary;
import org.baomi.classification.PeriodKind;
import org.baomi.iam.FieldProblem;

/**
 * A category as edited on the form. Level and period kind are bound as text and parsed here, so that a value
 * that is not one of the choices becomes a form error rather than a failed binding.
 */
public class CategoryForm {

    private Integer version;
    private String code;
    private String domainCode;
    private String nameZh;
    private String nameEn;
    private String descriptionZh;
    private String descriptionEn;
    private String defaultLevel;
    private String periodKind;
    private String periodYears;
    private String conditionZh;
    private String conditionEn;
    private String protectionZh;
    private String protectionEn;
    private boolean notSecret;
    private String sortOrder;
    private String reason;

    static CategoryForm of(CategorySummary c) {
        CategoryForm f = new CategoryForm();
        f.version = c.version();
        f.code = c.code();
        f.domainCode = c.domainCode();
        f.nameZh = c.name().zh();
        f.nameEn = c.name().en();
        f.descriptionZh = c.description().zh();
        f.descriptionEn = c.description().en();
        f.defaultLevel = c.defaultLevel().name();
        f.periodKind = c.defaultPeriod().kind().name();
        f.periodYears = c.defaultPeriod().years() == null ? "" : c.defaultPeriod().years().toString();
        f.conditionZh = c.defaultPeriod().condition() == null ? "" : c.defaultPeriod().condition().zh();
        f.conditionEn = c.defaultPeriod().condition() == null ? "" : c.defaultPeriod().condition().en();
        f.protectionZh = c.protection().zh();
        f.protectionEn = c.protection().en();
        f.notSecret = c.notSecret();
        f.sortOrder = Integer.toString(c.sortOrder());
        return f;
    }

    CategoryDraft toDraft() {
        return new CategoryDraft(code, domainCode, nameZh, nameEn, descriptionZh, descriptionEn,
                FormValues.level(defaultLevel), FormValues.periodKind(periodKind), FormValues.integer(periodYears),
                conditionZh, conditionEn, protectionZh, protectionEn, notSecret, FormValues.integer(sortOrder));
    }

    /** Problems of the choices and numbers that the draft cannot express (an unknown level, "abc" years). */
    List<FieldProblem> unparsable() {
        List<FieldProblem> problems = new ArrayList<>();
        FormValues.checkChoice(defaultLevel, FormValues.level(defaultLevel), "defaultLevel", problems);
        FormValues.checkChoice(periodKind, FormValues.periodKind(periodKind), "periodKind", problems);
        if (PeriodKind.YEARS.name().equals(periodKind)) {
            FormValues.checkInteger(periodYears, "periodYears", problems);
        }
        FormValues.checkInteger(sortOrder, "sortOrder", problems);
        return problems;
    }

    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getDomainCode() { return domainCode; }
    public void setDomainCode(String domainCode) { this.domainCode = domainCode; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getDescriptionZh() { return descriptionZh; }
    public void setDescriptionZh(String descriptionZh) { this.descriptionZh = descriptionZh; }
    public String getDescriptionEn() { return descriptionEn; }
    public void setDescriptionEn(String descriptionEn) { this.descriptionEn = descriptionEn; }
    public String getDefaultLevel() { return defaultLevel; }
    public void setDefaultLevel(String defaultLevel) { this.defaultLevel = defaultLevel; }
    public String getPeriodKind() { return periodKind; }
    public void setPeriodKind(String periodKind) { this.periodKind = periodKind; }
    public String getPeriodYears() { return periodYears; }
    public void setPeriodYears(String periodYears) { this.periodYears = periodYears; }
    public String getConditionZh() { return conditionZh; }
    public void setConditionZh(String conditionZh) { this.conditionZh = conditionZh; }
    public String getConditionEn() { return conditionEn; }
    public void setConditionEn(String conditionEn) { this.conditionEn = conditionEn; }
    public String getProtectionZh() { return protectionZh; }
    public void setProtectionZh(String protectionZh) { this.protectionZh = protectionZh; }
    public String getProtectionEn() { return protectionEn; }
    public void setProtectionEn(String protectionEn) { this.protectionEn = protectionEn; }
    public boolean isNotSecret() { return notSecret; }
    public void setNotSecret(boolean notSecret) { this.notSecret = notSecret; }
    public String getSortOrder() { return sortOrder; }
    public void setSortOrder(String sortOrder) { this.sortOrder = sortOrder; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
