package org.baomi.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.baomi.iam.InvalidInputException;
import org.baomi.shared.BaomiException;
import org.baomi.shared.SecretLevel;
import org.baomi.test.BaomiSpringTest;
import org.baomi.test.SignedIn;
import org.baomi.test.TestAccounts;
import org.baomi.test.TestAccounts.Created;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The classification catalogue through its module API, on the real database: content, versions, audit, CLS-3. */
@BaomiSpringTest
class ClassificationCatalogueTests {

    private static final AtomicInteger CODES = new AtomicInteger();

    @Autowired ClassificationCatalogue catalogue;
    @Autowired ClassificationAdministration administration;
    @Autowired ClassifierDesignations designations;
    @Autowired TestAccounts fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired List<org.baomi.shared.DutyProvider> dutyProviders;
    @Autowired org.baomi.iam.AccountQueries accountQueries;
    @Autowired org.baomi.iam.AccountService accountService;

    Created office;

    @BeforeEach
    void setUp() {
        office = fixtures.create(TestAccounts.person().roles("staff", "confidentiality-office").clearance(SecretLevel.SECRET));
    }

    @AfterEach
    void tearDown() {
        SignedIn.out();
    }

    private void as(Created person) {
        SignedIn.as(fixtures.authenticationOf(person));
    }

    static String newCode() {
        return "T-CAT-" + ProcessHandle.current().pid() % 1000 + "X" + CODES.incrementAndGet();
    }

    static CategoryDraft draft(String code, SecretLevel level, PeriodKind kind, Integer years, boolean notSecret) {
        return new CategoryDraft(code, "MGMT", "\u6d4b\u8bd5\u7c7b\u522b", "Test category", "\u8bf4\u660e",
                "Description", level, kind, years, null, null, "", "", notSecret, 999);
    }

    private long audits(String action, String objectId, Long actor) {
        return jdbc.sql("""
                SELECT count(*) FROM aud_entry WHERE action = :action AND object_id = :object
                  AND (CAST(:actor AS bigint) IS NULL OR actor_id = :actor)
                """).param("action", action).param("object", objectId).param("actor", actor)
                .query(Long.class).single();
    }

    private long versionRows() {
        return fixtures.count("cls_catalogue_version");
    }

    @Test
    @DisplayName("CLS-6, CLS-2: every installation has the scope catalogue's domains and the regulation's default levels")
    void theRegulatoryCatalogueIsLoaded() {
        as(fixtures.staff());
        List<CategoryDomain> tree = catalogue.tree(CategoryFilter.activeOnly());
        assertThat(tree).extracting(CategoryDomain::code)
                .containsExactly("PAT", "TECH", "MGMT", "STAFF", "SYS", "SEAL", "EPI", "AV", "EXT");
        assertThat(tree.get(0).categories()).extracting(CategorySummary::code).contains("PAT-IDENTITY",
                "PAT-ID-NUMBER", "PAT-CONTACT", "PAT-DIAGNOSIS", "PAT-TREATMENT", "PAT-RECORD", "PAT-EXAM", "PAT-EHR",
                "PAT-FEE-LIST");
        assertThat(catalogue.defaultLevel("MGMT-DECISION")).isEqualTo(SecretLevel.TOP_SECRET);
        assertThat(catalogue.defaultLevel("MGMT-BONUS")).isEqualTo(SecretLevel.TOP_SECRET);
        assertThat(catalogue.defaultLevel("MGMT-SALARY")).isEqualTo(SecretLevel.HIGHLY_SECRET);
        assertThat(catalogue.defaultLevel("MGMT-MINUTES")).isEqualTo(SecretLevel.HIGHLY_SECRET);
        assertThat(catalogue.defaultLevel("MGMT-HR-FILE")).isEqualTo(SecretLevel.SECRET);
        assertThat(catalogue.defaultLevel("MGMT-CONTRACT")).isEqualTo(SecretLevel.SECRET);
        assertThat(catalogue.category("MGMT-GENERAL")).get().satisfies(c -> {
            assertThat(c.notSecret()).isTrue();
            assertThat(c.defaultLevel()).isEqualTo(SecretLevel.INTERNAL);
        });
        assertThat(catalogue.defaultPeriod("TECH-PAPER").kind()).isEqualTo(PeriodKind.UNTIL_PUBLISHED);
    }

    @Test
    @DisplayName("CLS-1, CLS-2, CLS-7: five levels, highest first, with harm, longest periods 30/20/10 and protection measures")
    void theLevelsAreDefined() {
        as(fixtures.staff());
        List<LevelDefinition> levels = catalogue.levels();
        assertThat(levels).extracting(LevelDefinition::level).containsExactly(SecretLevel.TOP_SECRET,
                SecretLevel.HIGHLY_SECRET, SecretLevel.SECRET, SecretLevel.INTERNAL, SecretLevel.PUBLIC);
        assertThat(levels).extracting(LevelDefinition::maxPeriodYears).containsExactly(30, 20, 10, null, null);
        assertThat(levels.get(0).harm().en()).contains("especially serious harm");
        ProtectionMeasures measures = catalogue.protection("SYS-BACKUP", SecretLevel.SECRET);
        assertThat(measures.copying().zh()).isNotBlank();
        assertThat(measures.categoryNotes()).isNotNull();
    }

    @Test
    @DisplayName("Versioning: creating a category makes the next catalogue version with its difference and one audit entry")
    void creatingACategoryIsVersionedAndAudited() {
        as(office);
        int before = catalogue.currentVersion();
        String code = newCode();
        int version = administration.createCategory(draft(code, SecretLevel.SECRET, PeriodKind.YEARS, 5, false),
                "  new regulation  ");
        assertThat(version).isEqualTo(before + 1);
        assertThat(catalogue.currentVersion()).isEqualTo(version);
        CatalogueVersion recorded = catalogue.version(version).orElseThrow();
        assertThat(recorded.changeKind()).isEqualTo(CatalogueVersion.ChangeKind.CATEGORY_CREATED);
        assertThat(recorded.subject()).isEqualTo(code);
        assertThat(recorded.reason()).isEqualTo("new regulation");
        assertThat(recorded.changedBy()).isEqualTo(office.id());
        assertThat(recorded.changes()).contains(new CatalogueChange("defaultLevel", null, "SECRET"),
                new CatalogueChange("periodYears", null, "5"));
        assertThat(audits("classification.category.created", code, office.id())).isEqualTo(1);
        assertThat(catalogue.defaultLevel(code)).isEqualTo(SecretLevel.SECRET);
    }

    @Test
    @DisplayName("Versioning: an edit records exactly the changed fields, before and after")
    void anEditRecordsItsDifference() {
        as(office);
        String code = newCode();
        administration.createCategory(draft(code, SecretLevel.SECRET, PeriodKind.YEARS, 5, false), "create");
        CategorySummary created = catalogue.category(code).orElseThrow();
        int version = administration.updateCategory(code, created.version(),
                draft(code, SecretLevel.HIGHLY_SECRET, PeriodKind.YEARS, 15, false), "raised after review");
        assertThat(catalogue.version(version).orElseThrow().changes()).containsExactly(
                new CatalogueChange("defaultLevel", "SECRET", "HIGHLY_SECRET"),
                new CatalogueChange("periodYears", "5", "15"));
        assertThat(audits("classification.category.updated", code, office.id())).isEqualTo(1);
    }

    @Test
    @DisplayName("CLS-5: a not-a-secret category above internal is refused and nothing is written")
    void notSecretCategoriesAreRefusedAboveInternal() {
        as(office);
        String code = newCode();
        long versions = versionRows();
        assertThatThrownBy(() -> administration.createCategory(
                draft(code, SecretLevel.SECRET, PeriodKind.YEARS, 5, true), "should fail"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.concerns("defaultLevel")).isTrue());
        assertThat(versionRows()).isEqualTo(versions);
        assertThat(catalogue.category(code)).isEmpty();
        assertThat(audits("classification.category.created", code, null)).isZero();
    }

    @Test
    @DisplayName("Versioning: a change without a reason is refused field by field and nothing is written")
    void aReasonIsRequired() {
        as(office);
        CategorySummary salary = catalogue.category("MGMT-SALARY").orElseThrow();
        long versions = versionRows();
        assertThatThrownBy(() -> administration.deactivateCategory("MGMT-SALARY", salary.version(), "  "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.concerns("reason")).isTrue());
        assertThat(versionRows()).isEqualTo(versions);
        assertThat(catalogue.category("MGMT-SALARY").orElseThrow().active()).isTrue();
    }

    @Test
    @DisplayName("Optimistic locking: an edit based on a stale version is refused with CONFLICT and writes nothing")
    void staleEditsAreRefused() {
        as(office);
        String code = newCode();
        administration.createCategory(draft(code, SecretLevel.SECRET, PeriodKind.YEARS, 5, false), "create");
        int stale = catalogue.category(code).orElseThrow().version();
        administration.updateCategory(code, stale, draft(code, SecretLevel.SECRET, PeriodKind.YEARS, 6, false), "first");
        long versions = versionRows();
        assertThatThrownBy(() -> administration.updateCategory(code, stale,
                draft(code, SecretLevel.SECRET, PeriodKind.YEARS, 7, false), "second, from an old form"))
                .isInstanceOfSatisfying(BaomiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BaomiException.Kind.CONFLICT);
                    assertThat(e.messageKey()).isEqualTo("classification.error.stale");
                });
        assertThat(versionRows()).isEqualTo(versions);
        assertThat(catalogue.defaultPeriod(code).years()).isEqualTo(6);
    }

    @Test
    @DisplayName("Records that matter are never deleted: a deactivated category stays, is refused for new use, and comes back")
    void deactivationKeepsTheCategory() {
        as(office);
        String code = newCode();
        administration.createCategory(draft(code, SecretLevel.SECRET, PeriodKind.YEARS, 5, false), "create");
        int v = catalogue.category(code).orElseThrow().version();
        administration.deactivateCategory(code, v, "merged into MGMT-CONTRACT");
        CategorySummary deactivated = catalogue.category(code).orElseThrow();
        assertThat(deactivated.active()).isFalse();
        assertThat(catalogue.categories(CategoryFilter.activeOnly())).extracting(CategorySummary::code).doesNotContain(code);
        assertThat(catalogue.categories(new CategoryFilter(code, null, null, true))).extracting(CategorySummary::code)
                .containsExactly(code);
        assertThatThrownBy(() -> catalogue.defaultLevel(code)).isInstanceOfSatisfying(BaomiException.class,
                e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.NOT_FOUND));
        assertThat(audits("classification.category.deactivated", code, office.id())).isEqualTo(1);
        administration.reactivateCategory(code, deactivated.version(), "split again");
        assertThat(catalogue.defaultLevel(code)).isEqualTo(SecretLevel.SECRET);
    }

    @Test
    @DisplayName("ORG-5, ACC-1: the 三员 and ordinary staff cannot change the catalogue, and each denial is audited")
    void onlyTheOfficeChangesTheCatalogue() {
        List<Created> refused = List.of(fixtures.systemAdmin(), fixtures.securityAdmin(), fixtures.auditAdmin(),
                fixtures.staff());
        for (Created person : refused) {
            as(person);
            String code = newCode();
            long deniedBefore = jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'access.denied' AND actor_id = :a")
                    .param("a", person.id()).query(Long.class).single();
            assertThatThrownBy(() -> administration.createCategory(
                    draft(code, SecretLevel.SECRET, PeriodKind.YEARS, 5, false), "not mine to do"))
                    .isInstanceOfSatisfying(BaomiException.class,
                            e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
            assertThat(audits("access.denied", ClassificationPermissions.MANAGE_CATALOGUE, person.id()))
                    .isGreaterThan(0);
            assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'access.denied' AND actor_id = :a")
                    .param("a", person.id()).query(Long.class).single()).isEqualTo(deniedBefore + 1);
            assertThat(catalogue.category(code)).isEmpty();
        }
    }

    @Test
    @DisplayName("CLS-2, CLS-7: the office edits a level's definition; the version names the changed fields")
    void levelDefinitionsAreVersioned() {
        as(office);
        LevelDefinition internal = catalogue.level(SecretLevel.INTERNAL);
        ProtectionMeasures p = internal.protection();
        String harmEn = internal.harm().en().endsWith(".") ? internal.harm().en() + " (reviewed)" : internal.harm().en() + ".";
        int version = administration.updateLevel(SecretLevel.INTERNAL, internal.version(), new LevelDraft(
                internal.harm().zh(), harmEn, null, p.storage().zh(), p.storage().en(), p.transfer().zh(),
                p.transfer().en(), p.copying().zh(), p.copying().en(), p.destruction().zh(), p.destruction().en()),
                "wording");
        CatalogueVersion recorded = catalogue.version(version).orElseThrow();
        assertThat(recorded.changeKind()).isEqualTo(CatalogueVersion.ChangeKind.LEVEL_UPDATED);
        assertThat(recorded.changes()).extracting(CatalogueChange::field).containsExactly("harmEn");
        assertThat(audits("classification.level.updated", "INTERNAL", office.id())).isGreaterThan(0);
    }

    @Test
    @DisplayName("Audit: the CSV export of the catalogue is recorded; it holds every category, deactivated ones too")
    void theExportIsAudited() {
        Created reader = fixtures.staff();
        as(reader);
        byte[] csv = catalogue.exportCsv(Locale.ENGLISH);
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("MGMT-SALARY").contains("Highly secret").contains("Default level");
        assertThat(jdbc.sql("SELECT count(*) FROM aud_entry WHERE action = 'classification.catalogue.exported' AND actor_id = :a")
                .param("a", reader.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("CLS-3: the president designates; the designee classifies within scope until revoked; all of it audited")
    void designationsDecideWhoClassifies() {
        Created president = fixtures.create(TestAccounts.person().roles("staff", "president").clearance(SecretLevel.TOP_SECRET));
        Created designee = fixtures.create(TestAccounts.person().clearance(SecretLevel.HIGHLY_SECRET));
        assertThat(designations.mayClassify(president.id(), "MGMT-BONUS", SecretLevel.TOP_SECRET).reasonKey())
                .isEqualTo("classification.classifier.allowed.president");
        assertThat(designations.mayClassify(designee.id(), "MGMT-SALARY", SecretLevel.HIGHLY_SECRET).allowed()).isFalse();

        as(president);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long id = designations.designate(new DesignationDraft(designee.staffNo(), false, Set.of("MGMT"), Set.of(),
                SecretLevel.HIGHLY_SECRET, today.minusDays(1), today.plusDays(30), "head of finance"));
        assertThat(audits("classification.designation.created", Long.toString(id), president.id())).isEqualTo(1);

        ClassifierDecision allowed = designations.mayClassify(designee.id(), "MGMT-SALARY", SecretLevel.HIGHLY_SECRET);
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.designationId()).isEqualTo(id);
        assertThat(designations.mayClassify(designee.id(), "PAT-DIAGNOSIS", SecretLevel.SECRET).allowed()).isFalse();
        assertThat(designations.mayClassify(designee.id(), "MGMT-BONUS", SecretLevel.TOP_SECRET).allowed()).isFalse();

        DesignationSummary listed = designations.list().stream().filter(d -> d.id() == id).findFirst().orElseThrow();
        assertThat(listed.status()).isEqualTo(DesignationStatus.ACTIVE);
        designations.revoke(id, listed.version(), "moved to another post");
        assertThat(audits("classification.designation.revoked", Long.toString(id), president.id())).isEqualTo(1);
        assertThat(designations.list()).filteredOn(d -> d.id() == id).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo(DesignationStatus.REVOKED));
        assertThat(designations.mayClassify(designee.id(), "MGMT-SALARY", SecretLevel.HIGHLY_SECRET).reasonKey())
                .isEqualTo("classification.classifier.denied.designation-not-valid");

        SignedIn.out();
        assertThatThrownBy(() -> designations.requireClassifier(designee.id(), "MGMT-SALARY", SecretLevel.HIGHLY_SECRET))
                .isInstanceOfSatisfying(BaomiException.class, e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
        assertThat(audits("classification.classifier.denied", Long.toString(designee.id()), null)).isEqualTo(1);
    }

    @Test
    @DisplayName("CLS-3, ORG-5: designations of the 三员, above the person's clearance, or without scope are refused")
    void badDesignationsAreRefused() {
        Created president = fixtures.create(TestAccounts.person().roles("staff", "president").clearance(SecretLevel.TOP_SECRET));
        Created admin = fixtures.securityAdmin();
        Created low = fixtures.create(TestAccounts.person().clearance(SecretLevel.SECRET));
        as(president);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThatThrownBy(() -> designations.designate(new DesignationDraft(admin.staffNo(), true, Set.of(), Set.of(),
                SecretLevel.SECRET, today, today.plusDays(1), "no")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.concerns("staffNo")).isTrue());
        assertThatThrownBy(() -> designations.designate(new DesignationDraft(low.staffNo(), false, Set.of(), Set.of(),
                SecretLevel.TOP_SECRET, today, today.minusDays(1), "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.concerns("maxLevel")).isTrue();
                    assertThat(e.concerns("scope")).isTrue();
                    assertThat(e.concerns("validUntil")).isTrue();
                    assertThat(e.concerns("reason")).isTrue();
                });
        as(fixtures.create(TestAccounts.person().roles("staff", "confidentiality-office")));
        assertThatThrownBy(() -> designations.designate(new DesignationDraft(low.staffNo(), true, Set.of(), Set.of(),
                SecretLevel.SECRET, today, today.plusDays(1), "office may not")))
                .isInstanceOfSatisfying(BaomiException.class, e -> assertThat(e.kind()).isEqualTo(BaomiException.Kind.FORBIDDEN));
    }

    @Test
    @DisplayName("CLS-3: a suspended designee holds no right to classify, although the designation is still recorded")
    void suspendedPeopleDoNotClassify() {
        Created president = fixtures.create(TestAccounts.person().roles("staff", "president").clearance(SecretLevel.TOP_SECRET));
        Created designee = fixtures.create(TestAccounts.person().clearance(SecretLevel.SECRET));
        as(president);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        designations.designate(new DesignationDraft(designee.staffNo(), true, Set.of(), Set.of(), SecretLevel.SECRET,
                today.minusDays(1), today.plusDays(10), "deputy"));
        assertThat(designations.mayClassify(designee.id(), "MGMT-CONTRACT", SecretLevel.SECRET).allowed()).isTrue();

        as(fixtures.systemAdmin());
        int version = accountQueries.details(designee.id()).version();
        accountService.changeStatus(designee.id(), version, org.baomi.iam.AccountStatus.SUSPENDED, "on leave");
        assertThat(designations.mayClassify(designee.id(), "MGMT-CONTRACT", SecretLevel.SECRET).reasonKey())
                .isEqualTo("classification.classifier.denied.unknown-person");
    }

    @Test
    @DisplayName("ORG-4, CLS-3: designations ending within 30 days are a duty of the president and of the designee")
    void endingDesignationsAreDuties() {
        Created president = fixtures.create(TestAccounts.person().roles("staff", "president").clearance(SecretLevel.TOP_SECRET));
        Created designee = fixtures.create(TestAccounts.person().clearance(SecretLevel.SECRET));
        Created later = fixtures.create(TestAccounts.person().clearance(SecretLevel.SECRET));
        as(president);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        designations.designate(new DesignationDraft(designee.staffNo(), true, Set.of(), Set.of(), SecretLevel.SECRET,
                today, today.plusDays(10), "until the new head starts"));
        designations.designate(new DesignationDraft(later.staffNo(), true, Set.of(), Set.of(), SecretLevel.SECRET,
                today, today.plusYears(1), "a year"));
        assertThat(dutyKeys(president.id())).contains("classification.designations-ending");
        as(designee);
        assertThat(dutyKeys(designee.id())).contains("classification.my-designation-ending")
                .doesNotContain("classification.designations-ending");
        as(later);
        assertThat(dutyKeys(later.id())).doesNotContain("classification.my-designation-ending");
    }

    private List<String> dutyKeys(long accountId) {
        return dutyProviders.stream().flatMap(p -> p.dutiesOf(accountId).stream()).map(org.baomi.shared.Duty::key).toList();
    }
}
