package org.baomi.audit.internal;

import java.time.Clock;

import org.baomi.audit.ActorKind;
import org.baomi.audit.AuditActor;
import org.baomi.audit.AuditActorResolver;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditTrail;
import org.baomi.audit.internal.chain.EntryWriter;
import org.baomi.audit.internal.chain.GroupCommitWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AuditTrail}: {@link #record} inserts in the caller's transaction; {@link #recordIndependently} hands the
 * entry to the {@link GroupCommitWriter}, which commits it together with concurrent entries and returns only after
 * the commit (AUD-1, issue 8 "group commit"). On shutdown, after the web server stopped taking requests and before
 * the sealer's last sealing, the queue is drained.
 */
@Service
class JdbcAuditTrail implements AuditTrail, SmartLifecycle {

    private static final int MAX_TEXT = 200;

    private final EntryWriter writer;
    private final GroupCommitWriter groupWriter;
    private final Clock clock;
    private final JsonMapper json;
    private final ObjectProvider<AuditActorResolver> actorResolver;
    /** The resolver once found: looking it up in the bean factory on every record cost ~6% of a decision's CPU. */
    private volatile AuditActorResolver resolvedActorResolver;

    private volatile boolean running;

    JdbcAuditTrail(EntryWriter writer, GroupCommitWriter groupWriter, Clock clock, JsonMapper json,
            ObjectProvider<AuditActorResolver> actorResolver) {
        this.writer = writer;
        this.groupWriter = groupWriter;
        this.clock = clock;
        this.json = json;
        this.actorResolver = actorResolver;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long record(AuditEntry entry) {
        return insert(entry);
    }

    /** Not transactional: the group writer's transaction is its own, on its own connection (as REQUIRES_NEW was). */
    @Override
    public long recordIndependently(AuditEntry entry) {
        return groupWriter.write(newEntry(entry));
    }

    private long insert(AuditEntry entry) {
        // AUD-3: the row carries its transaction id and MAC; the sealer hashes it into the chain after commit.
        return writer.insert(newEntry(entry));
    }

    /** Built on the caller's thread: the actor comes from the caller's request and security context. */
    private EntryWriter.NewEntry newEntry(AuditEntry entry) {
        AuditActor actor = entry.actor() != null ? withRequestContext(entry.actor()) : resolveActor();
        return new EntryWriter.NewEntry(clock.instant(), actor.id(), clip(actor.name()),
                clip(actor.department()), actor.kind().name(), clip(actor.sourceAddress()), clip(actor.sessionRef()),
                entry.action(), entry.objectType(), clip(entry.objectId()),
                entry.level() == null ? null : entry.level().name(), entry.outcome().name(), entry.reasonKey(),
                DetailsJson.write(json, entry.details()), clip(entry.patientId()));
    }

    @Override
    public void start() {
        groupWriter.start();
        running = true;
    }

    /** Drains the group writer's queue: every entry already handed over is written before the sealer stops. */
    @Override
    public void stop() {
        running = false;
        groupWriter.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server (DEFAULT_PHASE - 1024) stopped, before the sealer (DEFAULT_PHASE - 4096) stops. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
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
        AuditActorResolver resolver = resolvedActorResolver;
        if (resolver == null) {
            resolver = actorResolver.getIfAvailable();
            resolvedActorResolver = resolver;
        }
        AuditActor actor = resolver == null ? null : resolver.currentActor();
        return actor != null ? actor : new AuditActor(null, null, null, ActorKind.ANONYMOUS, null, null);
    }

    /** Claimed user names and addresses come from outside; the record keeps a bounded, printable form. */
    private static String clip(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() <= MAX_TEXT && printable(value)) {
            return value; // the usual case, without building a copy on every record
        }
        String printable = value.codePoints()
                .filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() <= MAX_TEXT ? printable : printable.substring(0, MAX_TEXT);
    }

    /** No ISO control character (all of them are in the Basic Multilingual Plane, so a char scan is exact). */
    private static boolean printable(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
