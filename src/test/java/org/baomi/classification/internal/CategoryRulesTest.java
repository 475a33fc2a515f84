package org.baomi.classification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.baomi.classification.CategoryDraft;
import org.baomi.classification.LevelDraft;
import org.baomi.classification.PeriodKind;
import org.baomi.iam.FieldProblem;
import org.baomi.shared.SecretLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of categories, levels and reasons, without the database (CLS-2, CLS-4, CLS-5, CLS-7). */
class CategoryRulesTest {

    private static final Map<SecretLevel, Integer> MAX_YEARS = new EnumMap<>(Map.of(
            SecretLevel.SECRET, 10, SecretLevel.HIGHLY_SECRET, 20, SecretLevel.TOP_SECRET, 30));

    private static CategoryDraft draft(SecretLevel level, PeriodKind kind, Integer years, boolean notSecret) {
        return new CategoryDraft("MGMT-TEST", "MGMT", "\u6d4b\u8bd5", "Test", "", "", level, kind, years, null, null,
                "", "", notSecret, 10);
    }

    private static List<String> fieldsOf(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    @Test
    @DisplayName("A secret category with a period in years within the level's limit passes (CLS-2, CLS-4)")
    void aValidSecretCategoryPasses() {
        assertThat(CategoryRules.problemsOf(draft(SecretLevel.SECRET, PeriodKind.YEARS, 10, false), true, MAX_YEARS))
                .isEmpty();
    }

    @ParameterizedTest(name = "CLS-5: a category flagged not-a-secret refuses default level {0}")
    @EnumSource(value = SecretLevel.class, names = {"SECRET", "HIGHLY_SECRET", "TOP_SECRET"})
    void notSecretCategoriesAreCappedAtInternal(SecretLevel level) {
        List<FieldProblem> problems = CategoryRules.problemsOf(draft(level, PeriodKind.YEARS, 5, true), true, MAX_YEARS);
        assertThat(problems).extracting(FieldProblem::messageKey)
                .contains("classification.error.not-secret-above-internal");
        assertThat(fieldsOf(problems)).contains("defaultLevel");
    }

    @ParameterizedTest(name = "CLS-5: a category flagged not-a-secret may default to {0}")
    @EnumSource(value = SecretLevel.class, names = {"PUBLIC", "INTERNAL"})
    void notSecretCategoriesMayBeInternalOrPublic(SecretLevel level) {
        assertThat(CategoryRules.problemsOf(draft(level, PeriodKind.NONE, null, true), true, MAX_YEARS)).isEmpty();
    }

    @Test
    @DisplayName("CLS-4: a hospital secret without a confidentiality period is refused")
    void secretsNeedAPeriod() {
        assertThat(CategoryRules.problemsOf(draft(SecretLevel.HIGHLY_SECRET, PeriodKind.NONE, null, false), true,
                MAX_YEARS)).extracting(FieldProblem::messageKey).containsExactly("classification.error.secret-needs-period");
    }

    @Test
    @DisplayName("CLS-4: a category that is not a secret has no confidentiality period")
    void internalCategoriesHaveNoPeriod() {
        assertThat(CategoryRules.problemsOf(draft(SecretLevel.INTERNAL, PeriodKind.YEARS, 3, false), true, MAX_YEARS))
                .extracting(FieldProblem::messageKey).contains("classification.error.period-only-for-secrets");
    }

    @ParameterizedTest(name = "CLS-4: {0} years for a 秘密 category (longest 10) is refused")
    @ValueSource(ints = {0, -1, 11, 100})
    void yearsBeyondTheLevelsLimitAreRefused(int years) {
        assertThat(CategoryRules.problemsOf(draft(SecretLevel.SECRET, PeriodKind.YEARS, years, false), true, MAX_YEARS))
                .extracting(FieldProblem::field).containsExactly("periodYears");
    }

    @Test
    @DisplayName("CLS-4: a period stated as a condition needs the condition in both languages")
    void conditionsNeedBothLanguages() {
        CategoryDraft d = new CategoryDraft("MGMT-TEST", "MGMT", "\u6d4b\u8bd5", "Test", "", "", SecretLevel.SECRET,
                PeriodKind.CONDITION, null, "\u81f3\u516c\u5e03", " ", "", "", false, 0);
        assertThat(fieldsOf(CategoryRules.problemsOf(d, true, MAX_YEARS))).containsExactly("conditionEn");
    }

    @ParameterizedTest(name = "A category code \"{0}\" is refused")
    @ValueSource(strings = {"", "ab", "mgmt-x", "MGMT_X", "-MGMT", "MGMT-", "A\u202EB-CD", "\u5de5\u53f7-1", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"})
    void badCodesAreRefused(String code) {
        CategoryDraft d = new CategoryDraft(code, "MGMT", "\u6d4b\u8bd5", "Test", "", "", SecretLevel.SECRET,
                PeriodKind.YEARS, 5, null, null, "", "", false, 0);
        assertThat(fieldsOf(CategoryRules.problemsOf(d, true, MAX_YEARS))).containsExactly("code");
    }

    @Test
    @DisplayName("Names with control or text-direction characters are refused, and blank names are required")
    void namesAreCheckedForHiddenCharacters() {
        CategoryDraft d = new CategoryDraft("MGMT-TEST", "MGMT", "A\u202Eevil", " ", "", "", SecretLevel.SECRET,
                PeriodKind.YEARS, 5, null, null, "", "", false, 0);
        List<FieldProblem> problems = CategoryRules.problemsOf(d, true, MAX_YEARS);
        assertThat(problems).extracting(FieldProblem::field).containsExactlyInAnyOrder("nameZh", "nameEn");
        assertThat(problems).extracting(FieldProblem::messageKey)
                .containsExactlyInAnyOrder("classification.error.unprintable", "classification.error.required");
    }

    @ParameterizedTest(name = "Versioning: reason \"{0}\" is refused as missing")
    @ValueSource(strings = {"", " ", "\n\t"})
    void aReasonIsRequired(String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(TextInput.reason(reason, problems)).isNull();
        assertThat(problems).extracting(FieldProblem::messageKey).containsExactly("classification.error.reason-required");
        List<FieldProblem> none = new ArrayList<>();
        assertThat(TextInput.reason("  annual review  ", none)).isEqualTo("annual review");
        assertThat(none).isEmpty();
    }

    @Test
    @DisplayName("Versioning: a reason longer than 500 characters is refused")
    void aReasonIsBounded() {
        List<FieldProblem> problems = new ArrayList<>();
        TextInput.reason("x".repeat(501), problems);
        assertThat(problems).extracting(FieldProblem::messageKey).containsExactly("classification.error.too-long");
    }

    private static LevelDraft level(Integer years) {
        return new LevelDraft("h", "h", years, "s", "s", "t", "t", "c", "c", "d", "d");
    }

    @Test
    @DisplayName("CLS-2, CLS-4: a higher level never gets a shorter longest period than a lower one")
    void levelPeriodsStayOrdered() {
        Map<SecretLevel, Integer> others = new EnumMap<>(Map.of(SecretLevel.SECRET, 10, SecretLevel.TOP_SECRET, 30));
        List<FieldProblem> problems = new ArrayList<>();
        LevelRules.check(SecretLevel.HIGHLY_SECRET, level(8), others, 0, problems);
        assertThat(problems).extracting(FieldProblem::messageKey).containsExactly("classification.error.level-order");
        problems.clear();
        assertThat(LevelRules.check(SecretLevel.HIGHLY_SECRET, level(20), others, 0, problems)).isNotNull();
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("CLS-4: a level's longest period cannot fall below a category's default period")
    void levelPeriodCoversItsCategories() {
        List<FieldProblem> problems = new ArrayList<>();
        LevelRules.check(SecretLevel.SECRET, level(5), Map.of(), 10, problems);
        assertThat(problems).extracting(FieldProblem::messageKey)
                .containsExactly("classification.error.level-below-categories");
    }

    @Test
    @DisplayName("CLS-2: 内部 and 公开 are not hospital secrets and take no longest period")
    void nonSecretLevelsHaveNoPeriod() {
        List<FieldProblem> problems = new ArrayList<>();
        LevelRules.check(SecretLevel.INTERNAL, level(5), Map.of(), 0, problems);
        assertThat(problems).extracting(FieldProblem::field).containsExactly("maxPeriodYears");
    }
}
