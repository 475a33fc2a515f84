package org.baomi.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditChain;
import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditEvidence;
import org.baomi.audit.AuditFilter;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.audit.internal.chain.Anchoring;
import org.baomi.audit.internal.chain.ProofPackages;
import org.baomi.shared.BaomiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence packages for one case (issue 8 item 8, AUD-3): permission, input checks, sealing and anchoring first (in
 * transactions of their own), then, in one repeatable-read transaction, the matching entries' proofs and the audit
 * record of the export.
 */
@Service
class EvidenceService implements AuditEvidence {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final AuditReaders readers;
    private final AuditTrail audit;
    private final AuditChain chain;
    private final Anchoring anchoring;
    private final ProofPackages packages;
    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    EvidenceService(AuditReaders readers, AuditTrail audit, AuditChain chain, Anchoring anchoring,
            ProofPackages packages, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.readers = readers;
        this.audit = audit;
        this.chain = chain;
        this.anchoring = anchoring;
        this.packages = packages;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
    }

    @Override
    public EvidencePackage export(AuditFilter filter, String caseReference) {
        readers.require(PERMISSION);
        if (filter == null || (filter.actorId() == null && filter.patientId() == null && filter.objectId() == null)) {
            throw BaomiException.invalid("audit.evidence.error.subject");
        }
        String reference = checkReference(caseReference);
        // Everything already written gets a proof: seal it and sign the tree over it (each in its own transaction).
        chain.sealPending();
        anchoring.anchorIfDue(Duration.ZERO);
        try {
            return snapshot.execute(status -> build(filter, reference));
        } catch (ProofPackages.AnchorUnusableException unusable) {
            audit.recordIndependently(new AuditEntry(null, "audit.evidence.failed", "audit-trail", null, null,
                    AuditOutcome.FAILED, "audit.evidence.error.anchor", Map.of("reason", unusable.getMessage())));
            throw BaomiException.conflict("audit.evidence.error.anchor");
        }
    }

    private EvidencePackage build(AuditFilter filter, String reference) {
        ConsoleWhere where = ConsoleWhere.of(filter);
        record Match(long id, Long seq) {
        }
        List<Match> matches = jdbc.sql("SELECT m.id, c.seq FROM (SELECT id, occurred_at FROM aud_entry WHERE "
                + where.sql() + " ORDER BY occurred_at DESC, id DESC LIMIT :limit) m"
                + " LEFT JOIN aud_chain c ON c.entry_id = m.id ORDER BY m.occurred_at DESC, m.id DESC")
                .params(where.params()).param("limit", LIMIT + 1)
                .query((rs, i) -> {
                    long seq = rs.getLong(2);
                    return new Match(rs.getLong(1), rs.wasNull() ? null : seq);
                }).list();
        boolean truncated = matches.size() > LIMIT;
        List<Match> kept = truncated ? matches.subList(0, LIMIT) : matches;
        List<Long> seqs = kept.stream().map(Match::seq).filter(s -> s != null).toList();
        int unsealed = kept.size() - seqs.size();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("createdAt", clock.instant().toString());
        header.put("caseReference", reference);
        filter.describe().forEach((k, v) -> header.put("subject." + k, v == null ? null : v.toString()));
        header.put("truncated", truncated);
        ProofPackages.Built built = packages.evidence(seqs, header);
        Map<String, Object> facts = new LinkedHashMap<>(filter.describe());
        if (reference != null) {
            facts.put("caseReference", reference);
        }
        facts.put("entries", built.entries());
        facts.put("unprovable", built.unprovable() + unsealed);
        facts.put("truncated", truncated);
        facts.put("anchors", built.anchorIds());
        audit.record(AuditEntry.allowed("audit.evidence.exported", "audit-trail", null, facts));
        String name = "baomi-evidence-" + FILE_TIME.format(clock.instant().atZone(clock.getZone()));
        return new EvidencePackage(name + ".zip", packages.zip("evidence", built.json()), built.entries(),
                built.unprovable() + unsealed, truncated, built.anchorIds());
    }

    private static String checkReference(String caseReference) {
        if (caseReference == null || caseReference.isBlank()) {
            return null;
        }
        String reference = caseReference.strip();
        if (reference.length() > MAX_CASE_REFERENCE_LENGTH || reference.chars().anyMatch(Character::isISOControl)) {
            throw BaomiException.invalid("audit.evidence.error.case-reference", MAX_CASE_REFERENCE_LENGTH);
        }
        return reference;
    }
}
