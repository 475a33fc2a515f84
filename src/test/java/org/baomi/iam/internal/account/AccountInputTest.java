package org.baomi.iam.internal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.baomi.iam.FieldProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an administrator may type about a person (ACC-2); hostile input is refused, never passed on. */
class AccountInputTest {

    private final List<FieldProblem> problems = new ArrayList<>();

    @Test
    @DisplayName("ACC-2: a staff number is trimmed and kept upper case")
    void staffNumberIsTrimmedAndUpperCased() {
        assertThat(AccountInput.staffNo("  ab-0042 ", problems)).isEqualTo("AB-0042");
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "ACC-2: staff number [{0}] is refused")
    @ValueSource(strings = {"", " ", "A", "'; DROP TABLE iam_account;--", "<script>alert(1)</script>", "AB 12",
            "ab_12", "\u0410B12", "adm\u0131n", "\u00DF\u00DF", "AB\u0000", "12345678901234567890123456789012X",
            "\uD83D\uDE00\uD83D\uDE00"})
    void hostileStaffNumbersAreRefused(String value) {
        assertThat(AccountInput.staffNo(value, problems)).isNull();
        assertThat(problems).singleElement().extracting(FieldProblem::field).isEqualTo("staffNo");
    }

    @ParameterizedTest(name = "ACC-2: name [{0}] is accepted")
    @ValueSource(strings = {"\u5F20\u4E09", "\u963F\u4F9D\u53E4\u4E3D\u00B7\u4E70\u4E70\u63D0", "Mary O'Brien",
            "Jean-Luc Picard", "Ng", "\u5C71\u7530\u82B1\u5B50", "Jos\u00E9 Mar\u00EDa"})
    void ordinaryNamesAreAccepted(String value) {
        assertThat(AccountInput.fullName(value, problems)).isNotNull();
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "ACC-2: name [{0}] is refused")
    @ValueSource(strings = {"", "   ", "'; DROP TABLE iam_account;--", "<script>alert(1)</script>",
            "\u5F20\u4E09\uD83D\uDE00", "Bob\u0000", "Bob\u202Eevil", "\u5F20\u4E09Smith", "P\u0430ypal",
            "-Bob", "1Bob", "Bob\tSmith", "Bob\u200BSmith"})
    void hostileNamesAreRefused(String value) {
        assertThat(AccountInput.fullName(value, problems)).isNull();
        assertThat(problems).singleElement().extracting(FieldProblem::field).isEqualTo("fullName");
    }

    @Test
    @DisplayName("ACC-2: a name of 51 characters is refused, one of 50 accepted")
    void nameLengthIsBounded() {
        assertThat(AccountInput.fullName("\u5F20".repeat(50), problems)).isNotNull();
        assertThat(AccountInput.fullName("\u5F20".repeat(51), problems)).isNull();
        assertThat(problems).extracting(FieldProblem::messageKey).containsExactly("iam.admin.error.full-name.too-long");
    }

    @ParameterizedTest(name = "ACC-2: e-mail [{0}] is refused")
    @ValueSource(strings = {"not-an-email", "a@b", "<script>@x.org", "a@b.c;DROP", "a b@c.org",
            "\u5F20@example.org", "x@-example.org"})
    void badEmailsAreRefused(String value) {
        assertThat(AccountInput.email(value, problems)).isNull();
        assertThat(problems).singleElement().extracting(FieldProblem::field).isEqualTo("email");
    }

    @ParameterizedTest(name = "ACC-2: phone [{0}] is refused")
    @ValueSource(strings = {"abc", "12", "+86 138 0000 0000 ext 5", "1' OR '1'='1", "\uFF11\uFF12\uFF13\uFF14\uFF15"})
    void badPhonesAreRefused(String value) {
        assertThat(AccountInput.phone(value, problems)).isNull();
        assertThat(problems).singleElement().extracting(FieldProblem::field).isEqualTo("phone");
    }

    @Test
    @DisplayName("ACC-2: e-mail and phone are optional and kept as typed when valid")
    void optionalContactDetails() {
        assertThat(AccountInput.email(" ", problems)).isNull();
        assertThat(AccountInput.phone(null, problems)).isNull();
        assertThat(AccountInput.email("li.si@hospital.example.cn", problems)).isEqualTo("li.si@hospital.example.cn");
        assertThat(AccountInput.phone("+86 10-6000 1234", problems)).isEqualTo("+86 10-6000 1234");
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("ACC-2: a reason is required to suspend, may span lines, and holds no control characters")
    void reasons() {
        assertThat(AccountInput.reason(" ", true, problems)).isNull();
        assertThat(AccountInput.reason("left\nthe hospital", true, problems)).isEqualTo("left\nthe hospital");
        assertThat(AccountInput.reason("bad\u0007bell", true, problems)).isNull();
        assertThat(AccountInput.reason("x".repeat(501), true, problems)).isNull();
        assertThat(problems).extracting(FieldProblem::messageKey).containsExactly("iam.admin.error.reason.required",
                "iam.admin.error.reason.characters", "iam.admin.error.reason.too-long");
    }
}
