package org.baomi.audit;

/**
 * One entry with every field, for the console's detail view.
 *
 * @param record the entry
 * @param chain  its chain position and verification state, or null when none is known (no chain implementation,
 *               or the chain does not know the entry)
 */
public record AuditEntryDetail(AuditRecord record, AuditChainPosition chain) {
}
