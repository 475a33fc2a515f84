package org.baomi.classification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.baomi.classification.CategorySummary;
import org.baomi.classification.ClassificationPermissions;
import org.baomi.classification.ClassifierDecision;
import org.baomi.classification.DesignationStatus;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.SecretLevel;

/** CLS-3 as a pure function: who may give content of a category a level, on a given day. */
final class DesignationRules {

    /** The longest a designation may run before the president renews it. */
    static final int MAX_YEARS = 5;

    private DesignationRules() {
    }

    /** A designation as the rules need it. */
    record Designation(long id, long personId, boolean allCategories, Set<String> domainCodes,
            Set<String> categoryCodes, SecretLevel maxLevel, LocalDate validFrom, LocalDate validUntil,
            Instant revokedAt) {

        Designation {
            domainCodes = Set.copyOf(domainCodes);
            categoryCodes = Set.copyOf(categoryCodes);
        }
    }

    /** Where a designation stands on the day: from and until are both inclusive. */
    static DesignationStatus status(Designation d, LocalDate today) {
        if (d.revokedAt() != null) {
            return DesignationStatus.REVOKED;
        }
        if (today.isBefore(d.validFrom())) {
            return DesignationStatus.PENDING;
        }
        return today.isAfter(d.validUntil()) ? DesignationStatus.EXPIRED : DesignationStatus.ACTIVE;
    }

    /** Whether the designation's scope includes the category (whole catalogue, its domain, or the category itself). */
    static boolean covers(Designation d, CategorySummary category) {
        return d.allCategories() || d.domainCodes().contains(category.domainCode())
                || d.categoryCodes().contains(category.code());
    }

    /**
     * The decision for a person (null: unknown or not active), a category (null: unknown) and a level.
     *
     * @param designations the person's designations, in any state
     */
    static ClassifierDecision decide(StaffPrincipal person, CategorySummary category, SecretLevel level,
            List<Designation> designations, LocalDate today) {
        if (person == null) {
            return ClassifierDecision.deny("unknown-person");
        }
        if (person.isAdministrator()) {
            // ORG-5: the 三员 never reach business content, so they never classify it either.
            return ClassifierDecision.deny("administrator");
        }
        if (level == null) {
            return ClassifierDecision.deny("level-missing");
        }
        if (category == null) {
            return ClassifierDecision.deny("unknown-category");
        }
        if (!category.active()) {
            return ClassifierDecision.deny("category-inactive");
        }
        if (category.notSecret() && level.atLeast(SecretLevel.SECRET)) {
            return ClassifierDecision.deny("not-a-secret");
        }
        if (!level.atLeast(SecretLevel.SECRET)) {
            // CLS-2, CLS-5: 内部 and 公开 are not hospital secrets; marking them needs no designation.
            return ClassifierDecision.allow("not-a-hospital-secret");
        }
        if (person.clearance() == null || !person.clearance().atLeast(level)) {
            // Nobody classifies content they could not read themselves (ACC-6).
            return ClassifierDecision.deny("above-clearance");
        }
        if (person.hasPermission(ClassificationPermissions.SET_LEVEL)) {
            return ClassifierDecision.allow("president");
        }
        boolean coveredButLower = false;
        boolean coveredButNotValid = false;
        for (Designation d : designations) {
            if (d.personId() != person.accountId() || !covers(d, category)) {
                continue;
            }
            if (status(d, today) != DesignationStatus.ACTIVE) {
                coveredButNotValid = true;
            } else if (d.maxLevel().atLeast(level)) {
                return ClassifierDecision.allowBy(d.id());
            } else {
                coveredButLower = true;
            }
        }
        if (coveredButLower) {
            return ClassifierDecision.deny("above-designated-level");
        }
        return ClassifierDecision.deny(coveredButNotValid ? "designation-not-valid" : "not-designated");
    }
}
