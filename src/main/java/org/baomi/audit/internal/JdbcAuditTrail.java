package org.baomi.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.baomi.audit.ActorKind;
import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditActorResolver;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcAuditTrail implements AuditTrail {

    private static final int MAX_TEXT = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;
    private final ObjectProvider<AuditActorResolver> actorResolver;

    JdbcAuditTrail(JdbcClient jdbc, Clock clock, JsonMapper json, ObjectProvider<AuditActorResolver> actorResolver) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.actorResolver = actorResolver;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long record(AuditEntry entry) {
        return insert(entry);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long recordIndependently(AuditEntry entry) {
        return insert(entry);
    }

    private long insert(AuditEntry entry) {
        AuditActor actor = entry.actor() != null ? withRequestContext(entry.actor()) : resolveActor();
        return jdbc.sql("""
                INSERT INTO aud_entry (occurred_at, actor_id, actor_name, actor_department, actor_kind, source_address,
                    session_ref, action, object_type, object_id, secret_level, outcome, reason_key, details, patient_id)
                VALUES (:at, :actorId, :actorName, :actorDepartment, :actorKind, :source, :sessionRef, :action,
                    :objectType, :objectId, :level, :outcome, :reasonKey, CAST(:details AS jsonb), :patientId)
                RETURNING id
                """)
                .param("at", Timestamp.from(clock.instant()))
                .param("actorId", actor.id())
                .param("actorName", clip(actor.name()))
                .param("actorDepartment", clip(actor.department()))
                .param("actorKind", actor.kind().name())
                .param("source", clip(actor.sourceAddress()))
                .param("sessionRef", clip(actor.sessionRef()))
                .param("action", entry.action())
                .param("objectType", entry.objectType())
                .param("objectId", clip(entry.objectId()))
                .param("level", entry.level() == null ? null : entry.level().name())
                .param("outcome", entry.outcome().name())
                .param("reasonKey", entry.reasonKey())
                .param("details", json.writeValueAsString(entry.details()))
                .param("patientId", clip(entry.patientId()))
                .query(Long.class)
                .single();
    }

    /**
     * An actor named by the caller (a login names the account before anyone is signed in) still gets the source
     * address and session reference of the request it acts in.
     */
    private AuditActor withRequestContext(AuditActor named) {
        if (named.sourceAddress() != null && named.sessionRef() != null) {
            return named;
        }
        AuditActor current = resolveActor();
        return new AuditActor(named.id(), named.name(), named.department(), named.kind(),
                named.sourceAddress() != null ? named.sourceAddress() : current.sourceAddress(),
                named.sessionRef() != null ? named.sessionRef() : current.sessionRef());
    }

    private AuditActor resolveActor() {
        AuditActorResolver resolver = actorResolver.getIfAvailable();
        AuditActor actor = resolver == null ? null : resolver.currentActor();
        return actor != null ? actor : new AuditActor(null, null, null, ActorKind.ANONYMOUS, null, null);
    }

    /** Claimed user names and addresses come from outside; the record keeps a bounded, printable form. */
    private static String clip(String value) {
        if (value == null) {
            return null;
        }
        String printable = value.codePoints()
                .filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() <= MAX_TEXT ? printable : printable.substring(0, MAX_TEXT);
    }
}
