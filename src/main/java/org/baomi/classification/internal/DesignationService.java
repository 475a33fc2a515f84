package org.baomi.classification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.classification.CategorySummary;
import org.baomi.classification.ClassificationPermissions;
import org.baomi.classification.ClassifierDecision;
import org.baomi.classification.ClassifierDesignations;
import org.baomi.classification.DesignationDraft;
import org.baomi.classification.DesignationSummary;
import org.baomi.iam.FieldProblem;
import org.baomi.iam.InvalidInputException;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** CLS-3: designations by the president and the question "may this person classify?". */
@Service
class DesignationService implements ClassifierDesignations {

    private final DesignationStore designations;
    private final CatalogueStore catalogue;
    private final StaffLookup staff;
    private final PermissionGuard guard;
    private final AuditTrail audit;
    private final Clock clock;

    DesignationService(DesignationStore designations, CatalogueStore catalogue, StaffLookup staff,
            PermissionGuard guard, AuditTrail audit, Clock clock) {
        this.designations = designations;
        this.catalogue = catalogue;
        this.staff = staff;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public ClassifierDecision mayClassify(long personId, String categoryCode, SecretLevel level) {
        StaffPrincipal person = staff.activeById(personId).orElse(null);
        CategorySummary category = categoryCode == null ? null : catalogue.category(categoryCode.strip()).orElse(null);
        List<DesignationRules.Designation> held = person == null ? List.of()
                : designations.ofPerson(personId).stream().map(DesignationStore.Row::rule).toList();
        return DesignationRules.decide(person, category, level, held, today());
    }

    @Override
    public ClassifierDecision requireClassifier(long personId, String categoryCode, SecretLevel level) {
        ClassifierDecision decision = mayClassify(personId, categoryCode, level);
        if (!decision.allowed()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("personId", personId);
            details.put("category", categoryCode == null ? "" : clip(categoryCode));
            details.put("level", level == null ? "" : level.name());
            audit.recordIndependently(new AuditEntry(null, "classification.classifier.denied", "person",
                    Long.toString(personId), level, AuditOutcome.DENIED, decision.reasonKey(), details));
            throw BaomiException.forbidden(decision.reasonKey());
        }
        return decision;
    }

    @Override
    @Transactional
    public long designate(DesignationDraft draft) {
        StaffPrincipal president = guard.require(ClassificationPermissions.MANAGE_DESIGNATIONS);
        List<FieldProblem> problems = new ArrayList<>();
        StaffPrincipal person = staff.activeByStaffNo(draft.staffNo()).orElse(null);
        if (person == null) {
            problems.add(new FieldProblem("staffNo", "classification.error.designation.unknown-person"));
        } else if (person.isAdministrator()) {
            problems.add(new FieldProblem("staffNo", "classification.error.designation.administrator"));
        }
        SecretLevel max = draft.maxLevel();
        if (max == null) {
            problems.add(new FieldProblem("maxLevel", "classification.error.required"));
        } else if (!max.atLeast(SecretLevel.SECRET)) {
            problems.add(new FieldProblem("maxLevel", "classification.error.designation.level-not-secret"));
        } else if (person != null && !person.isAdministrator() && !person.clearance().atLeast(max)) {
            problems.add(new FieldProblem("maxLevel", "classification.error.designation.above-clearance"));
        }
        Set<String> domains = codes(draft.domainCodes());
        Set<String> categories = codes(draft.categoryCodes());
        if (!draft.allCategories()) {
            if (domains.isEmpty() && categories.isEmpty()) {
                problems.add(new FieldProblem("scope", "classification.error.designation.scope-required"));
            }
            Set<String> knownDomains = new TreeSet<>();
            catalogue.domains().forEach(d -> knownDomains.add(d.code()));
            if (!knownDomains.containsAll(domains)
                    || !categories.stream().allMatch(catalogue::categoryExists)) {
                problems.add(new FieldProblem("scope", "classification.error.designation.scope-unknown"));
            }
        }
        LocalDate today = today();
        LocalDate from = draft.validFrom();
        LocalDate until = draft.validUntil();
        if (from == null) {
            problems.add(new FieldProblem("validFrom", "classification.error.required"));
        }
        if (until == null) {
            problems.add(new FieldProblem("validUntil", "classification.error.required"));
        } else if (until.isBefore(today)) {
            problems.add(new FieldProblem("validUntil", "classification.error.designation.in-the-past"));
        } else if (from != null && until.isBefore(from)) {
            problems.add(new FieldProblem("validUntil", "classification.error.designation.until-before-from"));
        } else if (from != null && until.isAfter(from.plusYears(DesignationRules.MAX_YEARS))) {
            problems.add(new FieldProblem("validUntil", "classification.error.designation.too-long",
                    DesignationRules.MAX_YEARS));
        }
        String reason = TextInput.reason(draft.reason(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean all = draft.allCategories();
        DesignationRules.Designation d = new DesignationRules.Designation(0, person.accountId(), all,
                all ? Set.of() : domains, all ? Set.of() : categories, max, from, until, null);
        Instant now = clock.instant();
        long id = designations.insert(d, person.staffNo(), person.fullName(), reason, now, president.accountId(),
                president.fullName());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("personId", person.accountId());
        details.put("staffNo", person.staffNo());
        details.put("allCategories", all);
        details.put("domains", List.copyOf(d.domainCodes()));
        details.put("categories", List.copyOf(d.categoryCodes()));
        details.put("maxLevel", max.name());
        details.put("validFrom", from.toString());
        details.put("validUntil", until.toString());
        details.put("reason", reason);
        audit.record(AuditEntry.allowed("classification.designation.created", "classification-designation", id,
                details));
        return id;
    }

    @Override
    @Transactional
    public void revoke(long designationId, int expectedVersion, String reason) {
        StaffPrincipal president = guard.require(ClassificationPermissions.MANAGE_DESIGNATIONS);
        DesignationStore.Row row = designations.find(designationId)
                .orElseThrow(() -> BaomiException.notFound("classification.error.designation.not-found"));
        List<FieldProblem> problems = new ArrayList<>();
        String why = TextInput.reason(reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (row.rule().revokedAt() != null) {
            throw BaomiException.conflict("classification.error.designation.already-revoked");
        }
        if (row.version() != expectedVersion || !designations.revoke(designationId, expectedVersion, clock.instant(),
                president.accountId(), president.fullName(), why)) {
            throw BaomiException.conflict(CatalogueAdministrationService.STALE);
        }
        audit.record(AuditEntry.allowed("classification.designation.revoked", "classification-designation",
                designationId, Map.of("personId", row.rule().personId(), "staffNo", row.staffNo(), "reason", why)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<DesignationSummary> list() {
        guard.require(ClassificationPermissions.MANAGE_DESIGNATIONS);
        LocalDate today = today();
        return designations.all().stream().map(r -> {
            DesignationRules.Designation d = r.rule();
            return new DesignationSummary(d.id(), d.personId(), r.staffNo(), r.personName(), d.allCategories(),
                    List.copyOf(new TreeSet<>(d.domainCodes())), List.copyOf(new TreeSet<>(d.categoryCodes())),
                    d.maxLevel(), d.validFrom(), d.validUntil(), r.reason(), r.designatedAt(), r.designatedByName(),
                    d.revokedAt(), r.revokedByName(), r.revokeReason(), DesignationRules.status(d, today), r.version());
        }).toList();
    }

    private LocalDate today() {
        return clock.instant().atZone(clock.getZone()).toLocalDate();
    }

    private static Set<String> codes(Set<String> raw) {
        Set<String> clean = new TreeSet<>();
        for (String code : raw) {
            if (code != null && !code.isBlank()) {
                clean.add(code.strip());
            }
        }
        return clean;
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
