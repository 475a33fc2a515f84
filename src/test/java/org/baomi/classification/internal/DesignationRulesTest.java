package org.baomi.classification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.baomi.classification.CategorySummary;
import org.baomi.classification.ClassificationPermissions;
import org.baomi.classification.ClassifierDecision;
import org.baomi.classification.ConfidentialityPeriod;
import org.baomi.classification.DesignationStatus;
import org.baomi.classification.PeriodKind;
import org.baomi.iam.AdminKind;
import org.baomi.iam.LocalizedName;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.SecretLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** CLS-3 as a pure function: the president, designees within scope, level and period, and nobody else. */
class DesignationRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final LocalizedName NAME = new LocalizedName("x", "x");

    private static CategorySummary category(String code, String domain, boolean notSecret, boolean active) {
        return new CategorySummary(code, domain, NAME, NAME, NAME, SecretLevel.SECRET,
                new ConfidentialityPeriod(PeriodKind.YEARS, 5, null), NAME, notSecret, active, 0, 0);
    }

    private static final CategorySummary SALARY = category("MGMT-SALARY", "MGMT", false, true);
    private static final CategorySummary DIAGNOSIS = category("PAT-DIAGNOSIS", "PAT", false, true);
    private static final CategorySummary NOTICES = category("MGMT-GENERAL", "MGMT", true, true);

    private static StaffPrincipal person(long id, SecretLevel clearance, AdminKind admin, String... permissions) {
        return new StaffPrincipal(id, "S" + id, "Person " + id, 1L, "Dept", clearance, admin, Set.of(permissions), false);
    }

    private static DesignationRules.Designation designation(long person, Set<String> domains, Set<String> categories,
            SecretLevel max, LocalDate from, LocalDate until, Instant revoked) {
        return new DesignationRules.Designation(7, person, false, domains, categories, max, from, until, revoked);
    }

    private static ClassifierDecision decide(StaffPrincipal p, CategorySummary c, SecretLevel level,
            DesignationRules.Designation... held) {
        return DesignationRules.decide(p, c, level, List.of(held), TODAY);
    }

    @Test
    @DisplayName("CLS-3: the president (classification:level:set) sets any level within clearance")
    void thePresidentClassifies() {
        StaffPrincipal president = person(1, SecretLevel.TOP_SECRET, null, ClassificationPermissions.SET_LEVEL);
        ClassifierDecision d = decide(president, SALARY, SecretLevel.TOP_SECRET);
        assertThat(d.allowed()).isTrue();
        assertThat(d.reasonKey()).isEqualTo("classification.classifier.allowed.president");
    }

    @Test
    @DisplayName("CLS-3: a staff member without designation may not set 秘密")
    void othersMayNotClassify() {
        ClassifierDecision d = decide(person(2, SecretLevel.TOP_SECRET, null), SALARY, SecretLevel.SECRET);
        assertThat(d.allowed()).isFalse();
        assertThat(d.reasonKey()).isEqualTo("classification.classifier.denied.not-designated");
    }

    @Test
    @DisplayName("CLS-2, CLS-5: anyone active may mark content 内部 or 公开, which are not hospital secrets")
    void internalNeedsNoDesignation() {
        assertThat(decide(person(2, SecretLevel.INTERNAL, null), SALARY, SecretLevel.INTERNAL).allowed()).isTrue();
        assertThat(decide(person(2, SecretLevel.INTERNAL, null), SALARY, SecretLevel.PUBLIC).allowed()).isTrue();
    }

    @Test
    @DisplayName("CLS-3: a designee classifies within the designated domain up to the designated level")
    void designeeWithinScopeAndLevel() {
        var d = designation(3, Set.of("MGMT"), Set.of(), SecretLevel.HIGHLY_SECRET, TODAY.minusDays(1), TODAY, null);
        StaffPrincipal designee = person(3, SecretLevel.TOP_SECRET, null);
        ClassifierDecision allowed = decide(designee, SALARY, SecretLevel.HIGHLY_SECRET, d);
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.designationId()).isEqualTo(7L);
        assertThat(decide(designee, SALARY, SecretLevel.TOP_SECRET, d).reasonKey())
                .isEqualTo("classification.classifier.denied.above-designated-level");
        assertThat(decide(designee, DIAGNOSIS, SecretLevel.SECRET, d).reasonKey())
                .isEqualTo("classification.classifier.denied.not-designated");
    }

    @Test
    @DisplayName("CLS-3: a designation naming one category covers that category only")
    void categoryScope() {
        var d = designation(3, Set.of(), Set.of("PAT-DIAGNOSIS"), SecretLevel.SECRET, TODAY, TODAY.plusYears(1), null);
        StaffPrincipal designee = person(3, SecretLevel.SECRET, null);
        assertThat(decide(designee, DIAGNOSIS, SecretLevel.SECRET, d).allowed()).isTrue();
        assertThat(decide(designee, SALARY, SecretLevel.SECRET, d).allowed()).isFalse();
    }

    @Test
    @DisplayName("CLS-3: a designation is valid from its first to its last day, inclusive, and not before or after")
    void designationPeriod() {
        StaffPrincipal designee = person(3, SecretLevel.SECRET, null);
        var endsToday = designation(3, Set.of("MGMT"), Set.of(), SecretLevel.SECRET, TODAY.minusYears(1), TODAY, null);
        var ended = designation(3, Set.of("MGMT"), Set.of(), SecretLevel.SECRET, TODAY.minusYears(1), TODAY.minusDays(1), null);
        var future = designation(3, Set.of("MGMT"), Set.of(), SecretLevel.SECRET, TODAY.plusDays(1), TODAY.plusYears(1), null);
        assertThat(decide(designee, SALARY, SecretLevel.SECRET, endsToday).allowed()).isTrue();
        assertThat(decide(designee, SALARY, SecretLevel.SECRET, ended).reasonKey())
                .isEqualTo("classification.classifier.denied.designation-not-valid");
        assertThat(decide(designee, SALARY, SecretLevel.SECRET, future).allowed()).isFalse();
        assertThat(DesignationRules.status(ended, TODAY)).isEqualTo(DesignationStatus.EXPIRED);
        assertThat(DesignationRules.status(future, TODAY)).isEqualTo(DesignationStatus.PENDING);
        assertThat(DesignationRules.status(endsToday, TODAY)).isEqualTo(DesignationStatus.ACTIVE);
    }

    @Test
    @DisplayName("CLS-3: a revoked designation allows nothing, though it is kept")
    void revokedDesignation() {
        var revoked = designation(3, Set.of("MGMT"), Set.of(), SecretLevel.SECRET, TODAY.minusDays(1),
                TODAY.plusYears(1), Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(decide(person(3, SecretLevel.SECRET, null), SALARY, SecretLevel.SECRET, revoked).allowed()).isFalse();
        assertThat(DesignationRules.status(revoked, TODAY)).isEqualTo(DesignationStatus.REVOKED);
    }

    @Test
    @DisplayName("CLS-3: another person's designation does not count")
    void designationsArePersonal() {
        var someoneElses = designation(4, Set.of("MGMT"), Set.of(), SecretLevel.SECRET, TODAY, TODAY, null);
        assertThat(decide(person(3, SecretLevel.SECRET, null), SALARY, SecretLevel.SECRET, someoneElses).allowed())
                .isFalse();
    }

    @Test
    @DisplayName("CLS-5: nobody, not even the president, makes a not-a-secret category 秘密")
    void notSecretCategoriesStayInternal() {
        StaffPrincipal president = person(1, SecretLevel.TOP_SECRET, null, ClassificationPermissions.SET_LEVEL);
        assertThat(decide(president, NOTICES, SecretLevel.SECRET).reasonKey())
                .isEqualTo("classification.classifier.denied.not-a-secret");
        assertThat(decide(president, NOTICES, SecretLevel.INTERNAL).allowed()).isTrue();
    }

    @Test
    @DisplayName("ORG-5: the 三员 never classify, whatever they hold")
    void administratorsNeverClassify() {
        for (AdminKind kind : AdminKind.values()) {
            StaffPrincipal admin = person(9, SecretLevel.TOP_SECRET, kind, ClassificationPermissions.SET_LEVEL);
            assertThat(decide(admin, SALARY, SecretLevel.INTERNAL).reasonKey())
                    .isEqualTo("classification.classifier.denied.administrator");
        }
    }

    @Test
    @DisplayName("ACC-6: nobody sets a level above their own clearance, not even with a designation")
    void noClassificationAboveClearance() {
        var d = designation(3, Set.of("MGMT"), Set.of(), SecretLevel.TOP_SECRET, TODAY, TODAY, null);
        assertThat(decide(person(3, SecretLevel.SECRET, null), SALARY, SecretLevel.HIGHLY_SECRET, d).reasonKey())
                .isEqualTo("classification.classifier.denied.above-clearance");
    }

    @Test
    @DisplayName("CLS-3: unknown people, unknown or deactivated categories and missing levels are refused")
    void unknownsAreRefused() {
        StaffPrincipal president = person(1, SecretLevel.TOP_SECRET, null, ClassificationPermissions.SET_LEVEL);
        assertThat(decide(null, SALARY, SecretLevel.SECRET).reasonKey())
                .isEqualTo("classification.classifier.denied.unknown-person");
        assertThat(decide(president, null, SecretLevel.SECRET).reasonKey())
                .isEqualTo("classification.classifier.denied.unknown-category");
        assertThat(decide(president, category("X-OLD", "MGMT", false, false), SecretLevel.SECRET).reasonKey())
                .isEqualTo("classification.classifier.denied.category-inactive");
        assertThat(decide(president, SALARY, null).reasonKey())
                .isEqualTo("classification.classifier.denied.level-missing");
    }
}
