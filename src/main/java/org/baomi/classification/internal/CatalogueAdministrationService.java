package org.baomi.classification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.classification.CatalogueChange;
import org.baomi.classification.CatalogueVersion.ChangeKind;
import org.baomi.classification.CategoryDraft;
import org.baomi.classification.CategorySummary;
import org.baomi.classification.ClassificationAdministration;
import org.baomi.classification.ClassificationPermissions;
import org.baomi.classification.GuideDraft;
import org.baomi.classification.GuideSection;
import org.baomi.classification.LevelDefinition;
import org.baomi.classification.LevelDraft;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of the catalogue by the confidentiality office. Each change checks the permission first, then the
 * input, then writes the row, the next catalogue version and the audit entry in one transaction.
 */
@Service
class CatalogueAdministrationService implements ClassificationAdministration {

    static final String STALE = "classification.error.stale";
    static final int GUIDE_TITLE_MAX = 100;
    static final int GUIDE_BODY_MAX = 4000;

    private final CatalogueStore store;
    private final VersionLog versions;
    private final PermissionGuard guard;
    private final AuditTrail audit;
    private final Clock clock;

    CatalogueAdministrationService(CatalogueStore store, VersionLog versions, PermissionGuard guard, AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.versions = versions;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int createCategory(CategoryDraft draft, String reason) {
        StaffPrincipal office = guard.require(ClassificationPermissions.MANAGE_CATALOGUE);
        List<FieldProblem> problems = new ArrayList<>();
        CategoryRules.Clean clean = CategoryRules.check(draft, true, store.maxYears(), problems);
        String why = TextInput.reason(reason, problems);
        CatalogueStore.Domain domain = clean == null ? null : domainOf(clean.domainCode(), problems);
        if (clean != null && store.categoryExists(clean.code())) {
            problems.add(new FieldProblem("code", "classification.error.code-taken", clean.code()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        try {
            store.insertCategory(clean, domain.id(), now, office.accountId());
        } catch (DataIntegrityViolationException raced) {
            throw new InvalidInputException(List.of(new FieldProblem("code", "classification.error.code-taken",
                    clean.code())));
        }
        CategorySummary created = store.category(clean.code()).orElseThrow();
        return change(office, now, ChangeKind.CATEGORY_CREATED, "classification.category.created", "classification-category",
                created.code(), why, Differences.between(Map.of(), Differences.of(created)));
    }

    @Override
    @Transactional
    public int updateCategory(String code, int expectedVersion, CategoryDraft draft, String reason) {
        StaffPrincipal office = guard.require(ClassificationPermissions.MANAGE_CATALOGUE);
        CategorySummary before = existing(code);
        List<FieldProblem> problems = new ArrayList<>();
        CategoryRules.Clean clean = CategoryRules.check(draft, false, store.maxYears(), problems);
        String why = TextInput.reason(reason, problems);
        CatalogueStore.Domain domain = clean == null ? null : domainOf(clean.domainCode(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        if (before.version() != expectedVersion
                || !store.updateCategory(before.code(), expectedVersion, clean, domain.id(), now, office.accountId())) {
            throw BaomiException.conflict(STALE);
        }
        CategorySummary after = store.category(before.code()).orElseThrow();
        List<CatalogueChange> changes = Differences.between(Differences.of(before), Differences.of(after));
        if (changes.isEmpty()) {
            throw BaomiException.invalid("classification.error.nothing-changed");
        }
        return change(office, now, ChangeKind.CATEGORY_UPDATED, "classification.category.updated",
                "classification-category", before.code(), why, changes);
    }

    @Override
    @Transactional
    public int deactivateCategory(String code, int expectedVersion, String reason) {
        return setActive(code, expectedVersion, false, reason);
    }

    @Override
    @Transactional
    public int reactivateCategory(String code, int expectedVersion, String reason) {
        return setActive(code, expectedVersion, true, reason);
    }

    private int setActive(String code, int expectedVersion, boolean active, String reason) {
        StaffPrincipal office = guard.require(ClassificationPermissions.MANAGE_CATALOGUE);
        CategorySummary before = existing(code);
        List<FieldProblem> problems = new ArrayList<>();
        String why = TextInput.reason(reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (before.active() == active) {
            throw BaomiException.conflict(active ? "classification.error.already-active"
                    : "classification.error.already-inactive");
        }
        Instant now = clock.instant();
        if (before.version() != expectedVersion
                || !store.setActive(before.code(), expectedVersion, active, why, now, office.accountId())) {
            throw BaomiException.conflict(STALE);
        }
        CategorySummary after = store.category(before.code()).orElseThrow();
        return change(office, now, active ? ChangeKind.CATEGORY_REACTIVATED : ChangeKind.CATEGORY_DEACTIVATED,
                active ? "classification.category.reactivated" : "classification.category.deactivated",
                "classification-category", before.code(), why,
                Differences.between(Differences.of(before), Differences.of(after)));
    }

    @Override
    @Transactional
    public int updateLevel(SecretLevel level, int expectedVersion, LevelDraft draft, String reason) {
        StaffPrincipal office = guard.require(ClassificationPermissions.MANAGE_CATALOGUE);
        if (level == null) {
            throw BaomiException.notFound("classification.error.level-not-found");
        }
        LevelDefinition before = store.level(level)
                .orElseThrow(() -> BaomiException.notFound("classification.error.level-not-found"));
        Map<SecretLevel, Integer> others = new EnumMap<>(store.maxYears());
        others.remove(level);
        List<FieldProblem> problems = new ArrayList<>();
        LevelRules.Clean clean = LevelRules.check(level, draft, others, store.longestCategoryYears(level), problems);
        String why = TextInput.reason(reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        if (before.version() != expectedVersion
                || !store.updateLevel(level, expectedVersion, clean, now, office.accountId())) {
            throw BaomiException.conflict(STALE);
        }
        LevelDefinition after = store.level(level).orElseThrow();
        List<CatalogueChange> changes = Differences.between(Differences.of(before), Differences.of(after));
        if (changes.isEmpty()) {
            throw BaomiException.invalid("classification.error.nothing-changed");
        }
        return change(office, now, ChangeKind.LEVEL_UPDATED, "classification.level.updated", "classification-level",
                level.name(), why, changes);
    }

    @Override
    @Transactional
    public int updateGuideSection(String code, int expectedVersion, GuideDraft draft, String reason) {
        StaffPrincipal office = guard.require(ClassificationPermissions.MANAGE_CATALOGUE);
        GuideSection before = store.guideSection(code == null ? "" : code)
                .orElseThrow(() -> BaomiException.notFound("classification.error.guide-not-found"));
        List<FieldProblem> problems = new ArrayList<>();
        String titleZh = TextInput.required(draft.titleZh(), "titleZh", GUIDE_TITLE_MAX, problems);
        String titleEn = TextInput.required(draft.titleEn(), "titleEn", GUIDE_TITLE_MAX, problems);
        String bodyZh = TextInput.requiredText(draft.bodyZh(), "bodyZh", GUIDE_BODY_MAX, problems);
        String bodyEn = TextInput.requiredText(draft.bodyEn(), "bodyEn", GUIDE_BODY_MAX, problems);
        String why = TextInput.reason(reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        if (before.version() != expectedVersion || !store.updateGuideSection(before.code(), expectedVersion, titleZh,
                titleEn, bodyZh, bodyEn, now, office.accountId())) {
            throw BaomiException.conflict(STALE);
        }
        List<CatalogueChange> changes = Differences.between(guideFields(before.title().zh(), before.title().en(),
                before.body().zh(), before.body().en()), guideFields(titleZh, titleEn, bodyZh, bodyEn));
        if (changes.isEmpty()) {
            throw BaomiException.invalid("classification.error.nothing-changed");
        }
        return change(office, now, ChangeKind.GUIDE_UPDATED, "classification.guide.updated", "classification-guide",
                before.code(), why, changes);
    }

    private static Map<String, String> guideFields(String titleZh, String titleEn, String bodyZh, String bodyEn) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("titleZh", titleZh);
        f.put("titleEn", titleEn);
        f.put("bodyZh", bodyZh);
        f.put("bodyEn", bodyEn);
        return f;
    }

    private CategorySummary existing(String code) {
        return store.category(code == null ? "" : code.strip())
                .orElseThrow(() -> BaomiException.notFound("classification.error.category-not-found"));
    }

    private CatalogueStore.Domain domainOf(String code, List<FieldProblem> problems) {
        CatalogueStore.Domain domain = store.domain(code).orElse(null);
        if (domain == null) {
            problems.add(new FieldProblem("domainCode", "classification.error.domain-unknown"));
        }
        return domain;
    }

    /** The next catalogue version and its audit entry, in the caller's transaction. */
    private int change(StaffPrincipal office, Instant now, ChangeKind kind, String action, String objectType,
            String subject, String reason, List<CatalogueChange> changes) {
        int number = versions.append(now, office.accountId(), office.fullName(), kind, subject, reason, changes);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("catalogueVersion", number);
        details.put("reason", reason);
        details.put("changes", Differences.forAudit(changes));
        audit.record(AuditEntry.allowed(action, objectType, subject, details));
        return number;
    }
}
