package org.baomi.audit.internal;

import java.util.List;

import org.baomi.audit.AuditPermissions;
import org.baomi.audit.AuditVerification;
import org.baomi.audit.VerificationResult;
import org.baomi.shared.Duty;
import org.baomi.shared.DutyProvider;
import org.baomi.shared.MenuArea;
import org.baomi.shared.MenuContributor;
import org.baomi.shared.MenuEntry;
import org.springframework.stereotype.Component;

/**
 * The chain screen in the menu, and the alert on the home page (AUD-3): when the newest verification found the
 * chain broken, the audit administrator (who verifies) and the security administrator (who handles incidents) are
 * told until a later run finds it intact. The home page asks for the signed-in person, whose permissions decide.
 */
@Component
class ChainDuties implements DutyProvider, MenuContributor {

    private final ChainVerificationService verification;
    private final AuditReaders readers;

    ChainDuties(ChainVerificationService verification, AuditReaders readers) {
        this.verification = verification;
        this.readers = readers;
    }

    @Override
    public List<Duty> dutiesOf(long accountId) {
        if (!readers.has(AuditVerification.PERMISSION) && !readers.has(AuditPermissions.SECURITY_EVENT_READ)) {
            return List.of();
        }
        VerificationResult latest = verification.latestStored().orElse(null);
        if (latest == null || latest.intact()) {
            return List.of();
        }
        return List.of(new Duty("audit.chain-broken", "duty.audit.chain-broken.title",
                "duty.audit.chain-broken.description", "/audit/chain", true,
                List.of(latest.firstBrokenSequence())));
    }

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry(MenuArea.AUDIT, "menu.audit-chain", "/audit/chain", "link-45deg",
                        AuditVerification.PERMISSION, 20),
                new MenuEntry(MenuArea.AUDIT, "menu.audit-chain-keys", "/audit/chain/keys", "key-fill",
                        AuditVerification.MANAGE_PERMISSION, 30));
    }
}
