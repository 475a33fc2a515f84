package org.baomi.monitor.internal.ingest;

import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.iam.ApiCallers;
import org.baomi.shared.BaomiException;

/** The scope check of the ingest endpoints (ACC-1 deny by default; the refusal audited on its own, AUD-1). */
final class IngestScopes {

    /** Source system names are stored in 40 characters. */
    private static final int MAX_SOURCE = 40;

    private IngestScopes() {
    }

    /** The calling system's name (the default source system); refuses, audited, a caller without the scope. */
    static String require(ApiCallers callers, AuditTrail audit, String scope) {
        String client = callers.currentClient().orElse(null);
        if (client == null || !callers.hasScope(scope)) {
            audit.recordIndependently(new AuditEntry(null, "access.denied", "permission", scope, null,
                    AuditOutcome.DENIED, "error.forbidden", Map.of("permission", scope, "scope", "missing")));
            throw BaomiException.forbidden("error.forbidden");
        }
        return client.length() > MAX_SOURCE ? client.substring(0, MAX_SOURCE) : client;
    }
}
