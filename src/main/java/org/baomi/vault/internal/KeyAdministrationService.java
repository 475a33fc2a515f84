package org.baomi.vault.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.baomi.iam.PermissionGuard;
import org.baomi.iam.StaffPrincipal;
import org.baomi.vault.MasterKeyProvider.KeyVersion;
import org.baomi.vault.VaultKeyAdministration;
import org.baomi.vault.VaultKeys;
import org.baomi.vault.VaultPermissions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link VaultKeyAdministration}: the permission in front of {@link VaultKeys}, and the figures the screen shows. */
@Service
class KeyAdministrationService implements VaultKeyAdministration {

    private final PermissionGuard guard;
    private final VaultKeys keys;
    private final VaultProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    KeyAdministrationService(PermissionGuard guard, VaultKeys keys, VaultProperties properties, JdbcClient jdbc,
            Clock clock) {
        this.guard = guard;
        this.keys = keys;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Overview overview() {
        guard.require(VaultPermissions.KEYS_MANAGE);
        VaultKeys.KeyStatus status = keys.status();
        List<Version> versions = new ArrayList<>();
        long total = 0;
        long pending = 0;
        for (KeyVersion v : status.versions()) {
            long dataKeys = status.dataKeysByVersion().getOrDefault(v.version(), 0L);
            total += dataKeys;
            if (!v.current()) {
                pending += dataKeys;
            }
            boolean retirable = !v.current() && dataKeys == 0 && v.supersededAt() != null
                    && !v.supersededAt().plus(properties.retireGrace()).isAfter(clock.instant());
            versions.add(new Version(v.version(), v.algorithm(), v.current(), v.supersededAt(), dataKeys, retirable));
        }
        versions.sort((a, b) -> Integer.compare(b.version(), a.version()));
        return new Overview(versions, pending, total, RewrapJob.openRequests(jdbc) > 0);
    }

    @Override
    public int rotate() {
        StaffPrincipal admin = guard.require(VaultPermissions.KEYS_MANAGE);
        int version = keys.rotate();
        // the scheduled job re-wraps once asked; a rotation made around the screen (the operator's) is re-wrapped by
        // whoever made it (VaultKeys.rewrapAll), as docs/vault.md says
        jdbc.sql("INSERT INTO vlt_rewrap_request (to_version, requested_at, requested_by) VALUES (:v, :at, :by)")
                .param("v", version).param("at", java.sql.Timestamp.from(clock.instant()))
                .param("by", admin.accountId()).update();
        return version;
    }

    @Override
    public void retire(int version) {
        guard.require(VaultPermissions.KEYS_MANAGE);
        keys.retire(version);
    }
}
