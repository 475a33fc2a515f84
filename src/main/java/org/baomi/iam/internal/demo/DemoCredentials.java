package org.baomi.iam.internal.demo;

import java.util.Map;
import java.util.Optional;

/**
 * The published credentials of the demo hospital (docs/demo-hospital.md). They exist only in demo mode, whose
 * data is for trying Baomi out; never use them, or demo mode, with real data.
 */
public final class DemoCredentials {

    /** The password of every demo account; it passes the password policy. */
    public static final String PASSWORD = "Baomi#Demo2026";

    /** TOTP secrets (base32) of the three administrators (三员), enrolled at seeding. */
    public static final String SYSADMIN_TOTP_SECRET = "SYSADMINDEMOTOTPSECRETBAOMI23456";
    public static final String SECADMIN_TOTP_SECRET = "SECADMINDEMOTOTPSECRETBAOMI34567";
    public static final String AUDITOR_TOTP_SECRET = "AUDITORSDEMOTOTPSECRETBAOMI45672";

    /**
     * The TOTP secret shared by every other demo staff member with clearance SECRET or above (who must use a
     * second factor, ACC-7), except H0904, who has not enrolled yet.
     */
    public static final String STAFF_TOTP_SECRET = "HOSPITALDEMOTOTPSECRETBAOMI56723";

    /** The HIS integration's demo API token, shown here because it is fixed; only its hash is stored. */
    public static final String HIS_API_TOKEN = "bm_demo0his_HisDemoToken-OnlyInDemoMode-NotASecret_Demo";
    public static final String HIS_API_CLIENT = "HIS";
    /** Space-separated, as in OAuth 2 scope strings. */
    public static final String HIS_API_SCOPES = "iam:department:read iam:staff:read ops:metrics:read access:decision:request";
    public static final int HIS_API_TOKEN_DAYS = 365;

    private static final Map<String, String> ADMIN_TOTP_SECRETS = Map.of(
            "sysadmin", SYSADMIN_TOTP_SECRET,
            "secadmin", SECADMIN_TOTP_SECRET,
            "auditor", AUDITOR_TOTP_SECRET);

    private DemoCredentials() {
    }

    /** The fixed TOTP secret of an account marked {@code totp=own} in accounts.csv. */
    public static Optional<String> ownTotpSecret(String staffNo) {
        return Optional.ofNullable(ADMIN_TOTP_SECRETS.get(staffNo));
    }

    /** The 8 characters after {@code bm_} that identify the token in lists. */
    public static String hisTokenPrefix() {
        return org.baomi.iam.internal.token.ApiTokenFormat.prefixOf(HIS_API_TOKEN);
    }
}
