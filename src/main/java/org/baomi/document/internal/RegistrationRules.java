package org.baomi.document.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.baomi.classification.CategorySummary;
import org.baomi.classification.ClassificationCatalogue;
import org.baomi.classification.ConfidentialityPeriod;
import org.baomi.classification.LevelDefinition;
import org.baomi.classification.PeriodKind;
import org.baomi.document.ConfidentialityTerm;
import org.baomi.document.DocumentDraft;
import org.baomi.document.DocumentPermissions;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.SecretLevel;
import org.springframework.stereotype.Component;

/**
 * Checks a registration field by field (DOC-2) and fills in the category's defaults (CLS-2, CLS-4): every problem
 * is reported at once, with a translated key, and nothing is written.
 */
@Component
class RegistrationRules {

    private final ClassificationCatalogue catalogue;
    private final StaffLookup staff;

    RegistrationRules(ClassificationCatalogue catalogue, StaffLookup staff) {
        this.catalogue = catalogue;
        this.staff = staff;
    }

    record Checked(DocumentStore.NewDocument document, CategorySummary category) {
    }

    Checked check(DocumentDraft draft, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.direction() == null) {
            problems.add(new FieldProblem("direction", "document.error.required"));
        }
        String title = text(draft.title(), "title", 300, true, problems);
        String docNumber = text(draft.docNumber(), "docNumber", 100, false, problems);
        String unit = text(draft.originatingUnit(), "originatingUnit", 200, true, problems);
        String storage = text(draft.storagePlace(), "storagePlace", 200, false, problems);
        String remarks = text(draft.remarks(), "remarks", 1000, false, problems);
        CategorySummary category = null;
        if (draft.categoryCode() == null || draft.categoryCode().isBlank()) {
            problems.add(new FieldProblem("categoryCode", "document.error.required"));
        } else {
            category = catalogue.category(draft.categoryCode().strip()).filter(CategorySummary::active).orElse(null);
            if (category == null) {
                problems.add(new FieldProblem("categoryCode", "document.error.category-unknown"));
            }
        }
        SecretLevel level = draft.level() != null ? draft.level() : category == null ? null : category.defaultLevel();
        ConfidentialityTerm term = null;
        if (level != null && category != null) {
            if (category.notSecret() && level.atLeast(SecretLevel.SECRET)) {
                // CLS-5: general decisions, notices and administrative material are internal at most
                problems.add(new FieldProblem("level", "document.error.not-secret-category"));
            }
            term = term(draft.term(), category, level, today, problems);
        }
        Integer copies = draft.copies();
        if (copies == null) {
            problems.add(new FieldProblem("copies", "document.error.required"));
        } else if (copies < 1 || copies > 999) {
            problems.add(new FieldProblem("copies", "document.error.copies", 1, 999));
        }
        StaffPrincipal custodian = null;
        if (draft.custodianStaffNo() == null || draft.custodianStaffNo().isBlank()) {
            problems.add(new FieldProblem("custodianStaffNo", "document.error.required"));
        } else if (draft.custodianStaffNo().length() > 32) {
            problems.add(new FieldProblem("custodianStaffNo", "document.error.custodian-unknown"));
        } else {
            custodian = staff.activeByStaffNo(draft.custodianStaffNo().strip()).orElse(null);
            if (custodian == null || custodian.isAdministrator()) {
                // ORG-5: the 三员 never keep classified documents
                problems.add(new FieldProblem("custodianStaffNo", "document.error.custodian-unknown"));
                custodian = null;
            } else if (!custodian.hasPermission(DocumentPermissions.READ)) {
                problems.add(new FieldProblem("custodianStaffNo", "document.error.custodian-no-permission"));
            } else if (level != null && !custodian.clearance().atLeast(level)) {
                problems.add(new FieldProblem("custodianStaffNo", "document.error.custodian-clearance",
                        resolvable(custodian.clearance().messageKey()), resolvable(level.messageKey())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(new DocumentStore.NewDocument(draft.direction(), title, docNumber, unit, category.code(),
                level, term, term.declassifiesOn(today), copies, custodian.accountId(), custodian.fullName(),
                custodian.departmentId(), storage, remarks, today), category);
    }

    /** The category's default period as a document's term (CLS-4); conditions are kept in the base language. */
    static ConfidentialityTerm defaultTerm(CategorySummary category) {
        ConfidentialityPeriod p = category.defaultPeriod();
        return switch (p.kind()) {
            case YEARS -> new ConfidentialityTerm(PeriodKind.YEARS, p.years(), null, null);
            case CONDITION -> new ConfidentialityTerm(PeriodKind.CONDITION, null, null,
                    p.condition() == null ? null : p.condition().in(Locale.SIMPLIFIED_CHINESE));
            default -> new ConfidentialityTerm(p.kind(), null, null, null);
        };
    }

    private ConfidentialityTerm term(ConfidentialityTerm given, CategorySummary category, SecretLevel level,
            LocalDate today, List<FieldProblem> problems) {
        if (!level.atLeast(SecretLevel.SECRET)) {
            // CLS-5: not a hospital secret, so no confidentiality period
            return new ConfidentialityTerm(PeriodKind.NONE, null, null, null);
        }
        ConfidentialityTerm term = given == null ? defaultTerm(category) : given;
        if (term.kind() == null || term.kind() == PeriodKind.NONE) {
            problems.add(new FieldProblem("periodKind", "document.error.period-required"));
            return term;
        }
        LevelDefinition definition = catalogue.level(level);
        Integer maxYears = definition == null ? null : definition.maxPeriodYears();
        switch (term.kind()) {
            case YEARS -> {
                if (term.until() != null) {
                    if (!term.until().isAfter(today)) {
                        problems.add(new FieldProblem("periodUntil", "document.error.period-until-past"));
                    } else if (maxYears != null && term.until().isAfter(today.plusYears(maxYears))) {
                        problems.add(new FieldProblem("periodUntil", "document.error.period-too-long", maxYears));
                    }
                    return new ConfidentialityTerm(PeriodKind.YEARS, null, term.until(), null);
                }
                if (term.years() == null) {
                    problems.add(new FieldProblem("periodYears", "document.error.period-years-required"));
                } else if (term.years() < 1 || (maxYears != null && term.years() > maxYears)) {
                    problems.add(new FieldProblem("periodYears", "document.error.period-too-long",
                            maxYears == null ? 30 : maxYears));
                }
                return new ConfidentialityTerm(PeriodKind.YEARS, term.years(), null, null);
            }
            case CONDITION -> {
                String condition = text(term.condition(), "periodCondition", 300, true, problems);
                return new ConfidentialityTerm(PeriodKind.CONDITION, null, null, condition);
            }
            default -> {
                return new ConfidentialityTerm(term.kind(), null, null, null);
            }
        }
    }

    private static String text(String value, String field, int max, boolean required, List<FieldProblem> problems) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "document.error.required"));
            }
            return null;
        }
        if (stripped.length() > max) {
            problems.add(new FieldProblem(field, "document.error.too-long", max));
            return null;
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problems.add(new FieldProblem(field, "document.error.control-characters"));
            return null;
        }
        return stripped;
    }

    private static org.springframework.context.MessageSourceResolvable resolvable(String key) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {key}, null, key);
    }
}
