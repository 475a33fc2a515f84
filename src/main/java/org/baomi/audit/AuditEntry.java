package org.baomi.audit;

import java.util.Map;

import org.baomi.shared.SecretLevel;

/**
 * One audit record to write. {@code details} are structured facts about the action; they never contain
 * passwords, tokens, one-time codes or clinical content.
 *
 * @param actor       who acted (null: taken from the current request)
 * @param action      what was done, dotted and stable: "iam.login.failed", "iam.account.created"
 * @param objectType  the kind of object acted on ("account", "role", "document"), or null
 * @param objectId    its id, or null
 * @param level       its secret level where it has one
 * @param outcome     allowed, denied or failed
 * @param reasonKey   message key explaining the outcome
 * @param details     structured facts, rendered as JSON
 * @param patientId   the patient the action concerns, when it concerns one (the object may be something else,
 *                    such as a fee list or an export), so that "everything that happened to this patient" is one
 *                    query (AUD-1, PAT-4); null otherwise
 */
public record AuditEntry(AuditActor actor, String action, String objectType, String objectId, SecretLevel level,
        AuditOutcome outcome, String reasonKey, Map<String, ?> details, String patientId) {

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** An entry that concerns no patient. */
    public AuditEntry(AuditActor actor, String action, String objectType, String objectId, SecretLevel level,
            AuditOutcome outcome, String reasonKey, Map<String, ?> details) {
        this(actor, action, objectType, objectId, level, outcome, reasonKey, details, null);
    }

    /** An allowed action on an object, by the person of the current request. */
    public static AuditEntry allowed(String action, String objectType, Object objectId, Map<String, ?> details) {
        return new AuditEntry(null, action, objectType, objectId == null ? null : objectId.toString(), null,
                AuditOutcome.ALLOWED, null, details);
    }

    public AuditEntry withActor(AuditActor newActor) {
        return new AuditEntry(newActor, action, objectType, objectId, level, outcome, reasonKey, details, patientId);
    }

    public AuditEntry withLevel(SecretLevel newLevel) {
        return new AuditEntry(actor, action, objectType, objectId, newLevel, outcome, reasonKey, details, patientId);
    }

    public AuditEntry withPatient(String newPatientId) {
        return new AuditEntry(actor, action, objectType, objectId, level, outcome, reasonKey, details, newPatientId);
    }
}
