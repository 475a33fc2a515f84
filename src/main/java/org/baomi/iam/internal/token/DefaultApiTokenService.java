package org.baomi.iam.internal.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.ApiTokenService;
import org.baomi.iam.ApiTokenSummary;
import org.baomi.iam.IssuedApiToken;
import org.baomi.iam.AccessPermissions;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.Permissions;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class DefaultApiTokenService implements ApiTokenService {

    private static final int MAX_TEXT = 100;
    private static final int MAX_REASON = 200;
    private static final int MAX_SCOPES = 20;
    private static final int MAX_SCOPES_LENGTH = 1000;
    private static final List<String> KNOWN_SCOPES = List.of("iam:department:read", "iam:staff:read",
            "ops:metrics:read", AccessPermissions.DECISION_REQUEST, AccessPermissions.QUERY,
            // issue 4: the approval API (submit for a staff member, decide for a staff member, read requests)
            "approval:request:submit", "approval:request:decide", "approval:request:read");

    private final ApiTokenStore store;
    private final PermissionGuard guard;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApiTokenAuthenticator authenticator;

    DefaultApiTokenService(ApiTokenStore store, PermissionGuard guard, AuditTrail audit, Clock clock,
            ApiTokenAuthenticator authenticator) {
        this.store = store;
        this.authenticator = authenticator;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public IssuedApiToken issue(String name, String client, Set<String> scopes, Duration lifetime) {
        StaffPrincipal admin = guard.require(PERMISSION);
        String cleanName = text(name, "iam.api-token.name.required", "iam.api-token.name.too-long");
        String cleanClient = text(client, "iam.api-token.client.required", "iam.api-token.client.too-long");
        List<String> cleanScopes = scopes(scopes);
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw BaomiException.invalid("iam.api-token.lifetime.invalid", MAX_LIFETIME.toDays());
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        String token = ApiTokenFormat.generate();
        String prefix = ApiTokenFormat.prefixOf(token);
        long id = store.insert(prefix, ApiTokenFormat.hash(token), cleanName, cleanClient, cleanScopes, expiresAt, now,
                admin.accountId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", cleanName);
        details.put("client", cleanClient);
        details.put("scopes", cleanScopes);
        details.put("prefix", prefix);
        details.put("expiresAt", expiresAt.toString());
        audit.record(AuditEntry.allowed("iam.api-token.issued", "api-token", id, details));
        ApiTokenSummary summary = store.find(id).orElseThrow().summaryAt(now);
        return new IssuedApiToken(summary, token);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApiTokenSummary> list(ApiTokenSummary.Status status, int page, int size) {
        guard.require(PERMISSION);
        int limit = Math.max(1, Math.min(100, size));
        Instant now = clock.instant();
        return store.list(status, now, limit, (long) Math.max(page, 0) * limit).stream()
                .map(r -> r.summaryAt(now)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public long count(ApiTokenSummary.Status status) {
        guard.require(PERMISSION);
        return store.count(status, clock.instant());
    }

    @Override
    @Transactional
    public ApiTokenSummary revoke(long id, String reason) {
        StaffPrincipal admin = guard.require(PERMISSION);
        String cleanReason = bounded(reason, MAX_REASON, "iam.api-token.reason.required",
                "iam.api-token.reason.too-long");
        ApiTokenRecord token = store.find(id).orElseThrow(() -> BaomiException.notFound("iam.api-token.not-found"));
        Instant now = clock.instant();
        if (!store.revoke(id, now, admin.accountId(), cleanReason)) {
            throw BaomiException.conflict("iam.api-token.already-revoked");
        }
        forgetNowAndAfterCommit(id);
        audit.record(AuditEntry.allowed("iam.api-token.revoked", "api-token", id, Map.of(
                "name", token.name(), "client", token.client(), "prefix", token.prefix(), "reason", cleanReason)));
        return store.find(id).orElseThrow().summaryAt(now);
    }

    /**
     * ACC-2: this instance refuses the token from now on. Forgotten again after the commit: a request that read the
     * row before the commit must not keep the unrevoked row cached.
     */
    private void forgetNowAndAfterCommit(long id) {
        authenticator.forget(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    authenticator.forget(id);
                }
            });
        }
    }

    @Override
    public List<String> knownScopes() {
        return KNOWN_SCOPES;
    }

    private static String text(String value, String requiredKey, String tooLongKey) {
        return bounded(value, MAX_TEXT, requiredKey, tooLongKey);
    }

    private static String bounded(String value, int max, String requiredKey, String tooLongKey) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            throw BaomiException.invalid(requiredKey);
        }
        if (clean.length() > max) {
            throw BaomiException.invalid(tooLongKey, max);
        }
        if (clean.codePoints().anyMatch(Character::isISOControl)) {
            throw BaomiException.invalid("iam.api-token.text.control-characters");
        }
        return clean;
    }

    /** Valid permission strings, no wildcard (a token gets exactly what it names), sorted, bounded. */
    private static List<String> scopes(Set<String> scopes) {
        Set<String> clean = new TreeSet<>();
        if (scopes != null) {
            for (String scope : scopes) {
                String s = scope == null ? "" : scope.strip();
                if (s.isEmpty()) {
                    continue;
                }
                if (!Permissions.isValid(s)) {
                    throw BaomiException.invalid("iam.api-token.scope.invalid", shown(s));
                }
                if (s.contains("*")) {
                    throw BaomiException.invalid("iam.api-token.scope.wildcard", s);
                }
                clean.add(s);
            }
        }
        if (clean.isEmpty()) {
            throw BaomiException.invalid("iam.api-token.scopes.required");
        }
        if (clean.size() > MAX_SCOPES || String.join(" ", clean).length() > MAX_SCOPES_LENGTH) {
            throw BaomiException.invalid("iam.api-token.scopes.too-many", MAX_SCOPES);
        }
        return List.copyOf(clean);
    }

    /** Echoes a refused scope in the message, bounded and printable. */
    private static String shown(String scope) {
        String printable = scope.codePoints().filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
    }
}
