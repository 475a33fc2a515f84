package org.baomi.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditExport;
import org.baomi.audit.AuditFilter;
import org.baomi.audit.AuditPage;
import org.baomi.audit.AuditPermissions;
import org.baomi.audit.AuditQueries;
import org.baomi.audit.AuditRecord;
import org.baomi.audit.AuditReview;
import org.baomi.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Service
class AuditReviewService implements AuditReview {

    /** The largest page the query layer serves; exports read in batches of this size. */
    private static final int EXPORT_BATCH = 200;

    private final AuditReaders readers;
    private final AuditQueries queries;
    private final AuditTrail audit;

    AuditReviewService(AuditReaders readers, AuditQueries queries, AuditTrail audit) {
        this.readers = readers;
        this.queries = queries;
        this.audit = audit;
    }

    @Override
    @Transactional
    public AuditPage entries(AuditFilter filter, int page) {
        readers.require(AuditPermissions.ENTRY_READ);
        long total = queries.count(filter.toSearch(0, PAGE_SIZE));
        int shown = Math.max(0, Math.min(page, lastPage(total, PAGE_SIZE)));
        List<AuditRecord> records = queries.search(filter.toSearch(shown, PAGE_SIZE));
        // AUD-2: reading the trail is an operation like any other; the record of it commits with the read.
        Map<String, Object> facts = filter.describe();
        facts.put("page", shown);
        facts.put("matched", total);
        audit.record(AuditEntry.allowed("audit.entries.viewed", "audit-trail", null, facts));
        return new AuditPage(records, total, shown, PAGE_SIZE);
    }

    /**
     * Repeatable read: every batch sees the same snapshot, so entries written meanwhile neither shift the
     * batches nor appear twice.
     */
    @Override
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public AuditExport export(AuditFilter filter) {
        readers.require(AuditPermissions.ENTRY_READ);
        long matched = queries.count(filter.toSearch(0, EXPORT_BATCH));
        List<AuditRecord> rows = new ArrayList<>();
        for (int batch = 0; rows.size() < EXPORT_LIMIT && (long) batch * EXPORT_BATCH < matched; batch++) {
            List<AuditRecord> found = queries.search(filter.toSearch(batch, EXPORT_BATCH));
            if (found.isEmpty()) {
                break;
            }
            rows.addAll(found.subList(0, Math.min(found.size(), EXPORT_LIMIT - rows.size())));
        }
        boolean truncated = matched > rows.size();
        Map<String, Object> facts = filter.describe();
        facts.put("rows", rows.size());
        facts.put("matched", matched);
        facts.put("truncated", truncated);
        audit.record(AuditEntry.allowed("audit.entries.exported", "audit-trail", null, facts));
        return new AuditExport(rows, matched, truncated);
    }

    static int lastPage(long total, int size) {
        return total == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (total - 1) / size);
    }
}
