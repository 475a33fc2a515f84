package org.baomi.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.baomi.audit.AuditCoverageTest.Case;
import org.baomi.audit.AuditCoverageTest.Who;
import org.baomi.classification.CatalogueJobs;
import org.baomi.classification.CategoryDraft;
import org.baomi.classification.ClassificationAdministration;
import org.baomi.classification.ClassificationCatalogue;
import org.baomi.classification.ClassifierDesignations;
import org.baomi.classification.DesignationDraft;
import org.baomi.classification.GuideDraft;
import org.baomi.classification.GuideSection;
import org.baomi.classification.LevelDefinition;
import org.baomi.classification.LevelDraft;
import org.baomi.classification.PeriodKind;
import org.baomi.classification.ProtectionMeasures;
import org.baomi.shared.SecretLevel;
import org.baomi.test.TestAccounts;

/**
 * The audit coverage cases of the classification catalogue and of who may classify (CLS-1..7), collected by
 * {@link AuditCoverageTest}. Categories are new ({@code T-COV-...}); a level or guide section that a case edits is
 * put back in the same case (the put-back is a second, equally audited version).
 */
final class ClassificationCoverageCases {

    private static final AtomicInteger CODES = new AtomicInteger();
    private static final String REASON = "coverage";

    private ClassificationCoverageCases() {
    }

    static final List<Case> CASES = List.of(
            // CLS-4: a background job's reads are Baomi's own, recorded with the job's name
            Case.recorded("CatalogueJobs.runAs", Who.MODULE, "classification.catalogue.read",
                    t -> t.bean(CatalogueJobs.class).runAs("coverage.job",
                            () -> t.bean(ClassificationCatalogue.class).levels())),
            // the confidentiality office's catalogue changes
            Case.recorded("ClassificationAdministration.createCategory", Who.OFFICE, "classification.category.created",
                    ClassificationCoverageCases::newCategory),
            Case.recorded("ClassificationAdministration.updateCategory", Who.OFFICE, "classification.category.updated",
                    t -> {
                        String code = newCategory(t);
                        CategoryDraft renamed = draft(code, "Coverage category, renamed");
                        admin(t).updateCategory(code, versionOf(t, code), renamed, REASON);
                    }),
            Case.recorded("ClassificationAdministration.deactivateCategory", Who.OFFICE,
                    "classification.category.deactivated", t -> {
                        String code = newCategory(t);
                        admin(t).deactivateCategory(code, versionOf(t, code), REASON);
                    }),
            Case.recorded("ClassificationAdministration.reactivateCategory", Who.OFFICE,
                    "classification.category.reactivated", t -> {
                        String code = newCategory(t);
                        admin(t).deactivateCategory(code, versionOf(t, code), REASON);
                        admin(t).reactivateCategory(code, versionOf(t, code), REASON);
                    }),
            Case.recorded("ClassificationAdministration.updateLevel", Who.OFFICE, "classification.level.updated", t -> {
                LevelDefinition before = catalogue(t).level(SecretLevel.PUBLIC);
                int version = admin(t).updateLevel(SecretLevel.PUBLIC, before.version(),
                        levelDraft(before, before.harm().en() + " (coverage)"), REASON);
                LevelDefinition edited = catalogue(t).level(SecretLevel.PUBLIC);
                admin(t).updateLevel(SecretLevel.PUBLIC, edited.version(), levelDraft(before, before.harm().en()),
                        REASON + " " + version);
            }),
            Case.recorded("ClassificationAdministration.updateGuideSection", Who.OFFICE, "classification.guide.updated",
                    t -> {
                        GuideSection before = catalogue(t).guide().get(0);
                        admin(t).updateGuideSection(before.code(), before.version(), new GuideDraft(
                                before.title().zh(), before.title().en() + " (coverage)", before.body().zh(),
                                before.body().en()), REASON);
                        GuideSection edited = catalogue(t).guide().stream()
                                .filter(g -> g.code().equals(before.code())).findFirst().orElseThrow();
                        admin(t).updateGuideSection(before.code(), edited.version(), new GuideDraft(
                                before.title().zh(), before.title().en(), before.body().zh(), before.body().en()),
                                REASON);
                    }),
            Case.recorded("ClassificationCatalogue.exportCsv", Who.STAFF, "classification.catalogue.exported",
                    t -> catalogue(t).exportCsv(Locale.ENGLISH)),
            // who may classify (CLS-3): the president designates; a refusal to classify is recorded by itself
            Case.refused("ClassifierDesignations.requireClassifier", Who.STAFF, "classification.classifier.denied",
                    t -> designations(t).requireClassifier(t.person(Who.STAFF).id(), "MGMT-SALARY",
                            SecretLevel.HIGHLY_SECRET)),
            Case.recorded("ClassifierDesignations.designate", Who.PRESIDENT, "classification.designation.created",
                    ClassificationCoverageCases::designate),
            Case.recorded("ClassifierDesignations.revoke", Who.PRESIDENT, "classification.designation.revoked", t -> {
                long id = designate(t);
                int version = designations(t).list().stream().filter(d -> d.id() == id).findFirst().orElseThrow()
                        .version();
                designations(t).revoke(id, version, REASON);
            }),
            Case.denied("ClassifierDesignations.list", t -> designations(t).list()));

    private static final String CATALOGUE_READ = "the catalogue is regulatory text, not protected content: "
            + "documented as readable by everyone signed in and deliberately not audited for people (it would bury "
            + "the entries that matter); integration clients' reads are audited as classification.catalogue.read";

    static final Map<String, String> NOT_SECURITY_RELEVANT = Map.ofEntries(
            Map.entry("ClassificationCatalogue.levels", CATALOGUE_READ),
            Map.entry("ClassificationCatalogue.level", CATALOGUE_READ),
            Map.entry("ClassificationCatalogue.tree", CATALOGUE_READ),
            Map.entry("ClassificationCatalogue.categories", CATALOGUE_READ),
            Map.entry("ClassificationCatalogue.category", CATALOGUE_READ),
            Map.entry("ClassificationCatalogue.defaultLevel", CATALOGUE_READ),
            Map.entry("ClassificationCatalogue.defaultPeriod", CATALOGUE_READ),
            Map.entry("ClassificationCatalogue.protection", CATALOGUE_READ),
            Map.entry("ClassificationCatalogue.domains", CATALOGUE_READ),
            Map.entry("ClassificationCatalogue.guide", CATALOGUE_READ),
            Map.entry("ClassificationCatalogue.currentVersion", CATALOGUE_READ),
            Map.entry("ClassificationCatalogue.history", CATALOGUE_READ + "; the changes listed were each audited"),
            Map.entry("ClassificationCatalogue.version", CATALOGUE_READ + "; the change shown was audited"),
            Map.entry("ClassifierDesignations.mayClassify", "documented as a pure question: the caller audits the "
                    + "classification it then makes; requireClassifier records refusals"));

    private static ClassificationAdministration admin(AuditCoverageTest t) {
        return t.bean(ClassificationAdministration.class);
    }

    private static ClassificationCatalogue catalogue(AuditCoverageTest t) {
        return t.bean(ClassificationCatalogue.class);
    }

    private static ClassifierDesignations designations(AuditCoverageTest t) {
        return t.bean(ClassifierDesignations.class);
    }

    private static String newCategory(AuditCoverageTest t) {
        String code = "T-COV-" + ProcessHandle.current().pid() % 1000 + "X" + CODES.incrementAndGet();
        admin(t).createCategory(draft(code, "Coverage category"), REASON);
        return code;
    }

    private static CategoryDraft draft(String code, String nameEn) {
        return new CategoryDraft(code, "MGMT", "\u8986\u76d6\u6d4b\u8bd5", nameEn, "", "", SecretLevel.SECRET,
                PeriodKind.YEARS, 5, null, null, "", "", false, 999);
    }

    private static int versionOf(AuditCoverageTest t, String code) {
        return catalogue(t).category(code).orElseThrow().version();
    }

    private static LevelDraft levelDraft(LevelDefinition level, String harmEn) {
        ProtectionMeasures p = level.protection();
        return new LevelDraft(level.harm().zh(), harmEn, level.maxPeriodYears(), p.storage().zh(), p.storage().en(),
                p.transfer().zh(), p.transfer().en(), p.copying().zh(), p.copying().en(), p.destruction().zh(),
                p.destruction().en());
    }

    /** Designates a fresh SECRET-cleared person for the whole catalogue up to SECRET, for a month. */
    private static long designate(AuditCoverageTest t) {
        TestAccounts.Created designee = t.accounts.create(TestAccounts.person().clearance(SecretLevel.SECRET));
        LocalDate today = LocalDate.ofInstant(t.clock().instant(), ZoneId.of("Asia/Shanghai"));
        return designations(t).designate(new DesignationDraft(designee.staffNo(), true, Set.of(), Set.of(),
                SecretLevel.SECRET, today, today.plusDays(30), REASON));
    }
}
