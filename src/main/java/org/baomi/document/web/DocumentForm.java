package org.baomi.document.web;

import java.util.ArrayList;
import java.util.List;

import org.baomi.classification.PeriodKind;
import org.baomi.document.ConfidentialityTerm;
import org.baomi.document.Direction;
import org.baomi.document.DocumentDraft;
import org.baomi.document.RegistrationDefaults;
import org.baomi.iam.FieldProblem;
import org.baomi.shared.SecretLevel;

/** The registration form (DOC-2): every value as typed; what cannot be parsed becomes a field error. */
public class DocumentForm {

    private String direction = Direction.RECEIPT.name();
    private String title;
    private String docNumber;
    private String originatingUnit;
    private String categoryCode;
    private String level;
    private String periodKind;
    private String periodYears;
    private String periodUntil;
    private String periodCondition;
    private String copies = "1";
    private String custodianStaffNo;
    private String storagePlace;
    private String remarks;

    List<FieldProblem> unparsable() {
        List<FieldProblem> problems = new ArrayList<>();
        Forms.checkChoice(direction, Forms.choice(Direction.class, direction), "direction", problems);
        Forms.checkChoice(level, Forms.choice(SecretLevel.class, level), "level", problems);
        Forms.checkChoice(periodKind, Forms.choice(PeriodKind.class, periodKind), "periodKind", problems);
        Forms.checkInteger(periodYears, "periodYears", problems);
        Forms.checkInteger(copies, "copies", problems);
        Forms.checkDate(periodUntil, "periodUntil", problems);
        return problems;
    }

    DocumentDraft toDraft() {
        PeriodKind kind = Forms.choice(PeriodKind.class, periodKind);
        ConfidentialityTerm term = kind == null ? null
                : new ConfidentialityTerm(kind, Forms.integer(periodYears), Forms.date(periodUntil), periodCondition);
        return new DocumentDraft(Forms.choice(Direction.class, direction), title, docNumber, originatingUnit,
                categoryCode, Forms.choice(SecretLevel.class, level), term, Forms.integer(copies), custodianStaffNo,
                storagePlace, remarks);
    }

    /** Takes the category's defaults (CLS-2, CLS-4) for level and period. */
    void apply(RegistrationDefaults defaults) {
        level = defaults.level().name();
        ConfidentialityTerm term = defaults.term();
        periodKind = term.kind().name();
        periodYears = term.years() == null ? null : term.years().toString();
        periodUntil = null;
        periodCondition = term.condition();
    }

    public String getDirection() { return direction; }
    public void setDirection(String direction) { this.direction = direction; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDocNumber() { return docNumber; }
    public void setDocNumber(String docNumber) { this.docNumber = docNumber; }
    public String getOriginatingUnit() { return originatingUnit; }
    public void setOriginatingUnit(String originatingUnit) { this.originatingUnit = originatingUnit; }
    public String getCategoryCode() { return categoryCode; }
    public void setCategoryCode(String categoryCode) { this.categoryCode = categoryCode; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public String getPeriodKind() { return periodKind; }
    public void setPeriodKind(String periodKind) { this.periodKind = periodKind; }
    public String getPeriodYears() { return periodYears; }
    public void setPeriodYears(String periodYears) { this.periodYears = periodYears; }
    public String getPeriodUntil() { return periodUntil; }
    public void setPeriodUntil(String periodUntil) { this.periodUntil = periodUntil; }
    public String getPeriodCondition() { return periodCondition; }
    public void setPeriodCondition(String periodCondition) { this.periodCondition = periodCondition; }
    public String getCopies() { return copies; }
    public void setCopies(String copies) { this.copies = copies; }
    public String getCustodianStaffNo() { return custodianStaffNo; }
    public void setCustodianStaffNo(String custodianStaffNo) { this.custodianStaffNo = custodianStaffNo; }
    public String getStoragePlace() { return storagePlace; }
    public void setStoragePlace(String storagePlace) { this.storagePlace = storagePlace; }
    public String getRemarks() { return remarks; }
    public void setRemarks(String remarks) { this.remarks = remarks; }
}
