package org.baomi.classification.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.baomi.classification.DesignationDraft;
import org.baomi.iam.FieldProblem;

/** A designation as the president enters it (CLS-3): dates as yyyy-MM-dd, scope as checked boxes. */
public class DesignationForm {

    private String staffNo;
    private boolean allCategories;
    private List<String> domainCodes = new ArrayList<>();
    private List<String> categoryCodes = new ArrayList<>();
    private String maxLevel;
    private String validFrom;
    private String validUntil;
    private String reason;

    DesignationDraft toDraft() {
        return new DesignationDraft(staffNo, allCategories, new LinkedHashSet<>(domainCodes),
                new LinkedHashSet<>(categoryCodes), FormValues.level(maxLevel), date(validFrom), date(validUntil), reason);
    }

    List<FieldProblem> unparsable() {
        List<FieldProblem> problems = new ArrayList<>();
        FormValues.checkChoice(maxLevel, FormValues.level(maxLevel), "maxLevel", problems);
        if (validFrom != null && !validFrom.isBlank() && date(validFrom) == null) {
            problems.add(new FieldProblem("validFrom", "classification.error.date"));
        }
        if (validUntil != null && !validUntil.isBlank() && date(validUntil) == null) {
            problems.add(new FieldProblem("validUntil", "classification.error.date"));
        }
        if (domainCodes.size() + categoryCodes.size() > 200) {
            problems.add(new FieldProblem("scope", "classification.error.designation.scope-unknown"));
        }
        return problems;
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank() || value.length() > 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public String getStaffNo() { return staffNo; }
    public void setStaffNo(String staffNo) { this.staffNo = staffNo; }
    public boolean isAllCategories() { return allCategories; }
    public void setAllCategories(boolean allCategories) { this.allCategories = allCategories; }
    public List<String> getDomainCodes() { return domainCodes; }
    public void setDomainCodes(List<String> domainCodes) { this.domainCodes = domainCodes == null ? new ArrayList<>() : domainCodes; }
    public List<String> getCategoryCodes() { return categoryCodes; }
    public void setCategoryCodes(List<String> categoryCodes) { this.categoryCodes = categoryCodes == null ? new ArrayList<>() : categoryCodes; }
    public String getMaxLevel() { return maxLevel; }
    public void setMaxLevel(String maxLevel) { this.maxLevel = maxLevel; }
    public String getValidFrom() { return validFrom; }
    public void setValidFrom(String validFrom) { this.validFrom = validFrom; }
    public String getValidUntil() { return validUntil; }
    public void setValidUntil(String validUntil) { this.validUntil = validUntil; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
