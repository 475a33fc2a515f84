package org.baomi.iam.internal.login;

import java.util.List;

import org.baomi.iam.internal.IamSecurityProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(new IamSecurityProperties(null, null, null, null));

    private List<String> keys(String password, String staffNo) {
        return policy.check(password, staffNo).stream().map(PasswordPolicy.Violation::key).toList();
    }

    @Test
    void aStrongPasswordPasses() {
        assertThat(keys("Lantern-Vase-93", "H0001")).isEmpty();
    }

    @Test
    void atLeastThreeThousandCommonPasswordsAreRefused() {
        assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(3000);
    }

    @ParameterizedTest(name = "{0} is refused with {1} (ACC-7)")
    @CsvSource(delimiter = '|', value = {
            "Short1!|iam.password.too-short",
            "alllowercaseletters|iam.password.too-few-classes",
            "P@ssw0rd123|iam.password.common",
            "Abc@123456|iam.password.common",
            "Password123|iam.password.common",
            "xxH0001-Aa-9xx|iam.password.contains-username",
            "h0001-Strong-Pw|iam.password.contains-username"
    })
    void weakPasswordsAreRefusedWithTheirReason(String password, String expectedKey) {
        assertThat(keys(password, "H0001")).contains(expectedKey);
    }

    @Test
    void longPassphrasesUpTo128CharactersAreAllowedAndLongerOnesRefused() {
        String passphrase = "Correct horse battery staple, 4 ever and ever! ".repeat(2).substring(0, 90);
        assertThat(keys(passphrase, "H0001")).isEmpty();
        assertThat(keys("Aa1!".repeat(40), "H0001")).contains("iam.password.too-long");
    }

    @Test
    void controlCharactersAndEmptyPasswordsAreRefused() {
        assertThat(keys("Strong\u0000Pass-123", "H0001")).contains("iam.password.control-characters");
        assertThat(keys("", "H0001")).containsExactly("iam.password.required");
        assertThat(keys(null, "H0001")).containsExactly("iam.password.required");
    }

    @Test
    void chineseCharactersCountAsTheOtherClass() {
        assertThat(PasswordPolicy.characterClasses("abc123\u4fdd\u5bc6")).isEqualTo(3);
    }
}
