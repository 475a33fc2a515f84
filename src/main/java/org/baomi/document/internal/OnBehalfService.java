package org.baomi.document.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.baomi.audit.AuditEntry;
import org.baomi.audit.AuditOutcome;
import org.baomi.audit.AuditTrail;
import org.baomi.document.DocumentDetail;
import org.baomi.document.DocumentFilter;
import org.baomi.document.DocumentPermissions;
import org.baomi.document.DocumentSummary;
import org.baomi.document.DocumentsOnBehalf;
import org.baomi.document.FileSink;
import org.baomi.iam.ApiCallers;
import org.baomi.iam.ResourceRef;
import org.baomi.iam.ResultPage;
import org.baomi.iam.StaffLookup;
import org.baomi.iam.StaffPrincipal;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 5 item 4: the register for integration clients, acting for a named staff member (ORG-5). The client's scope is
 * checked first, then the person; the operation is the browser's own, run for that person, so there is one set of
 * rules and one audit vocabulary.
 */
@Service
class OnBehalfService implements DocumentsOnBehalf {

    private final ApiCallers clients;
    private final StaffLookup staff;
    private final DocumentService register;
    private final DocumentFileService files;
    private final AuditTrail audit;

    OnBehalfService(ApiCallers clients, StaffLookup staff, DocumentService register, DocumentFileService files,
            AuditTrail audit) {
        this.clients = clients;
        this.staff = staff;
        this.register = register;
        this.files = files;
        this.audit = audit;
    }

    @Override
    @Transactional
    public ResultPage<DocumentSummary> search(String staffNo, DocumentFilter filter) {
        StaffPrincipal person = actingFor(staffNo, DocumentPermissions.SCOPE_REGISTER_READ, "search", null);
        if (!person.permissions().contains(DocumentPermissions.REGISTER_MANAGE)) {
            throw denied("error.forbidden", person.accountId(), DocumentPermissions.REGISTER_MANAGE);
        }
        ResultPage<DocumentSummary> page = register.search(person, filter);
        acted(person, "search", null);
        return page;
    }

    @Override
    @Transactional
    public DocumentDetail document(String staffNo, long documentId) {
        StaffPrincipal person = actingFor(staffNo, DocumentPermissions.SCOPE_REGISTER_READ, "document", documentId);
        DocumentDetail detail = register.show(person, documentId);
        acted(person, "document", documentId);
        return detail;
    }

    @Override
    @Transactional
    public void file(String staffNo, long documentId, FileSink sink) {
        StaffPrincipal person = actingFor(staffNo, DocumentPermissions.SCOPE_FILE_EXPORT, "file", documentId);
        // recorded before the first byte leaves: the download's own audit record is written before the sink opens too
        acted(person, "file", documentId);
        files.download(person, documentId, sink);
    }

    /**
     * The named person, when an API client with the scope calls: deny by default. A signed-in person never gets here
     * (the API chain is token-only), nor does anyone without a token.
     */
    private StaffPrincipal actingFor(String staffNo, String scope, String operation, Long documentId) {
        if (clients.currentClient().isEmpty() || !clients.hasScope(scope)) {
            throw denied("error.forbidden", null, scope);
        }
        StaffPrincipal person = staffNo == null || staffNo.isBlank() ? null
                : staff.activeByStaffNo(staffNo.strip()).orElse(null);
        if (person == null) {
            throw BaomiException.invalid("document.api.error.person-unknown");
        }
        if (person.isAdministrator()) {
            // ORG-5: the 三员 never reach content, not even through a token naming one of them
            throw denied("document.api.error.administrator", person.accountId(), scope);
        }
        return person;
    }

    private void acted(StaffPrincipal person, String operation, Long documentId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("client", clients.currentClient().orElse(""));
        details.put("personId", person.accountId());
        details.put("staffNo", person.staffNo());
        details.put("operation", operation);
        audit.record(AuditEntry.allowed("document.api.on-behalf", ResourceRef.DOCUMENT,
                documentId == null ? "register" : documentId, details));
    }

    private BaomiException denied(String key, Long personId, String scope) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("permission", scope);
        details.put("client", clients.currentClient().orElse(""));
        audit.recordIndependently(new AuditEntry(null, "access.denied", "person",
                personId == null ? null : Long.toString(personId), null, AuditOutcome.DENIED, key, details));
        return BaomiException.forbidden(key);
    }
}
