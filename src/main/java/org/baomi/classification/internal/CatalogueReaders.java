package org.baomi.classification.internal;

import java.util.Map;
import java.util.function.Supplier;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.classification.ClassificationPermissions;
import org.baomi.iam.CurrentUser;
import org.baomi.shared.BaomiException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may read the catalogue (deny by default): a signed-in person, an integration client whose API token
 * carries the scope {@link ClassificationPermissions#READ_CATALOGUE}, or a named background job through
 * {@link org.baomi.classification.CatalogueJobs} (CLS-4). Anybody else is refused and the refusal audited in its own
 * transaction.
 */
@Component
class CatalogueReaders {

    /** API tokens present their scopes as authorities with this prefix (the identity module's convention). */
    private static final String SCOPE_AUTHORITY = "SCOPE_" + ClassificationPermissions.READ_CATALOGUE;

    /** Who reads. */
    enum Reader { PERSON, CLIENT, SYSTEM }

    /** CLS-4: the background job reading on this thread, set only by {@link CatalogueJobRunner}. */
    private static final ThreadLocal<String> JOB = new ThreadLocal<>();

    private final CurrentUser currentUser;
    private final AuditTrail audit;

    CatalogueReaders(CurrentUser currentUser, AuditTrail audit) {
        this.currentUser = currentUser;
        this.audit = audit;
    }

    Reader require() {
        if (JOB.get() != null) {
            return Reader.SYSTEM;
        }
        if (currentUser.principal().isPresent()) {
            return Reader.PERSON;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> SCOPE_AUTHORITY.equals(a.getAuthority()))) {
            return Reader.CLIENT;
        }
        audit.recordIndependently(new AuditEntry(null, "access.denied", "permission",
                ClassificationPermissions.READ_CATALOGUE, null, AuditOutcome.DENIED, "error.forbidden",
                Map.of("permission", ClassificationPermissions.READ_CATALOGUE, "scope", "missing")));
        throw BaomiException.forbidden("error.forbidden");
    }

    /** The job of the current thread's system reads, or null. */
    String job() {
        return JOB.get();
    }

    /** Whether a person or an API client is the caller on this thread (then nothing runs as the system). */
    boolean hasCaller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return currentUser.principal().isPresent() || auth != null && auth.isAuthenticated()
                && !(auth instanceof AnonymousAuthenticationToken);
    }

    /** Refuses a caller's attempt to run as the system, audited in its own transaction. */
    BaomiException refuseSystem(String job) {
        audit.recordIndependently(new AuditEntry(null, "access.denied", "permission", "classification:catalogue:system",
                null, AuditOutcome.DENIED, "error.forbidden", Map.of("job", job)));
        return BaomiException.forbidden("error.forbidden");
    }

    <T> T asJob(String job, Supplier<T> work) {
        String outer = JOB.get();
        JOB.set(job);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                JOB.remove();
            } else {
                JOB.set(outer);
            }
        }
    }
}
