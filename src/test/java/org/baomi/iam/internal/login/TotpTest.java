package org.baomi.iam.internal.login;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {

    /** RFC 6238 appendix B uses the ASCII secret "12345678901234567890" for SHA-1. */
    private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void codesMatchTheTestVectorsOfRfc6238() {
        assertThat(Totp.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
        assertThat(Totp.codeAt(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
    }

    @Test
    void base32RoundTripsAndNewSecretsAre160Bits() {
        assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(new String(Totp.unbase32(RFC_SECRET), StandardCharsets.US_ASCII)).isEqualTo("12345678901234567890");
        String secret = Totp.newSecret(new SecureRandom());
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.unbase32(secret)).hasSize(20);
    }

    @Test
    void aCodeFromOneStepEitherSideIsAcceptedButNotFromTwoSteps() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.stepAt(now);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.codeAt(RFC_SECRET, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.codeAt(RFC_SECRET, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.codeAt(RFC_SECRET, step - 2), now)).isEmpty();
    }

    @Test
    void malformedCodesAreRefusedWithoutError() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "abcdef", now)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "1234567", now)).isEmpty();
    }

    @Test
    void theEnrolmentUriNamesIssuerAccountAndParameters() {
        assertThat(Totp.otpauthUri("Baomi Hospital", "H0001", "ABC"))
                .isEqualTo("otpauth://totp/Baomi%20Hospital:H0001?secret=ABC&issuer=Baomi%20Hospital"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}
