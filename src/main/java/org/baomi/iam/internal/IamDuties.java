package org.baomi.iam.internal;

import java.util.ArrayList;
import java.util.List;

import org.baomi.iam.internal.account.StaffDirectory;
import org.baomi.iam.internal.login.CredentialStore;
import org.baomi.iam.internal.login.LoginService;
import org.baomi.shared.Duty;
import org.baomi.shared.DutyProvider;
import org.springframework.stereotype.Component;

/** What a person owes the identity module (ORG-4): a password change due soon, a second factor, spare codes. */
@Component
class IamDuties implements DutyProvider {

    private final CredentialStore credentials;
    private final StaffDirectory directory;
    private final LoginService loginService;

    IamDuties(CredentialStore credentials, StaffDirectory directory, LoginService loginService) {
        this.credentials = credentials;
        this.directory = directory;
        this.loginService = loginService;
    }

    @Override
    public List<Duty> dutiesOf(long accountId) {
        List<Duty> duties = new ArrayList<>();
        credentials.find(accountId).ifPresent(credential -> {
            if (loginService.passwordMustChange(credential)) {
                duties.add(new Duty("iam.password-change", "duty.iam.password-change.title",
                        "duty.iam.password-change.description", "/account/security", true));
            }
            if (!credential.totpEnabled()) {
                boolean required = directory.principalOf(accountId).map(loginService::secondFactorRequired).orElse(false);
                duties.add(new Duty("iam.totp-enrol", "duty.iam.totp-enrol.title",
                        required ? "duty.iam.totp-enrol.required" : "duty.iam.totp-enrol.recommended",
                        "/account/security", required));
            } else if (credentials.unusedRecoveryCodes(accountId) < 3) {
                duties.add(new Duty("iam.recovery-codes", "duty.iam.recovery-codes.title",
                        "duty.iam.recovery-codes.description", "/account/security", false));
            }
        });
        return duties;
    }
}
