package org.baomi.iam.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.baomi.audit.ActorKind;
import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditActorResolver;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.CurrentUser;
import org.baomi.iam.PermissionGuard;
import org.baomi.iam.StaffPrincipal;
import org.baomi.iam.internal.token.ApiClient;
import org.baomi.iam.internal.token.ApiTokenAuthentication;
import org.baomi.shared.BaomiException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The current person from Spring Security's context, for the rest of Baomi and for the audit trail. */
@Component
class SecurityContextUser implements CurrentUser, PermissionGuard, AuditActorResolver {

    private final AuditTrail audit;

    SecurityContextUser(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public Optional<StaffPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof StaffPrincipal p ? Optional.of(p) : Optional.empty();
    }

    @Override
    public StaffPrincipal require() {
        return principal().orElseThrow(() -> new BaomiException(BaomiException.Kind.UNAUTHENTICATED,
                "error.unauthenticated"));
    }

    @Override
    public StaffPrincipal require(String permission) {
        StaffPrincipal principal = require();
        if (!principal.hasPermission(permission)) {
            audit.recordIndependently(new AuditEntry(null, "access.denied", "permission", permission, null,
                    AuditOutcome.DENIED, "error.forbidden", Map.of("permission", permission)));
            throw BaomiException.forbidden("error.forbidden");
        }
        return principal;
    }

    @Override
    public boolean has(String permission) {
        return principal().map(p -> p.hasPermission(permission)).orElse(false);
    }

    @Override
    public AuditActor currentActor() {
        String source = null;
        String sessionRef = null;
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            source = request.getRemoteAddr();
            HttpSession session = request.getSession(false);
            sessionRef = session == null ? null : sessionReference(session.getId());
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal p) {
            return new AuditActor(p.accountId(), p.fullName(), p.departmentName(), ActorKind.PERSON, source, sessionRef);
        }
        if (auth instanceof ApiTokenAuthentication api) {
            ApiClient client = api.getPrincipal();
            return new AuditActor(client.tokenId(), client.client() + " / " + client.name(), null,
                    ActorKind.API_CLIENT, source, client.reference());
        }
        if (auth != null && auth.isAuthenticated() && auth.getName() != null && !"anonymousUser".equals(auth.getName())) {
            return new AuditActor(null, auth.getName(), null, ActorKind.ANONYMOUS, source, sessionRef);
        }
        return new AuditActor(null, null, null, ActorKind.ANONYMOUS, source, sessionRef);
    }

    /**
     * AUD-1: entries of one session can be grouped, but the trail never holds a usable session id (which would
     * let a reader of the trail take over a live session): only the start of its SHA-256.
     */
    static String sessionReference(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII));
            return "session:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
