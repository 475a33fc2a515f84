package org.baomi.audit;

import java.util.List;

/**
 * Finds staff for the console's person picker, by staff number (工号) or name. Implemented by the identity module,
 * which owns the accounts; the audit module does not depend on it (as for {@link AuditReaderAuthorization}). Without
 * an implementation the picker finds nobody and the person is given by account id.
 */
public interface AuditPeopleDirectory {

    /**
     * Accounts whose staff number or name contains the text (case-insensitive), exact staff numbers first, at most
     * {@code limit}. The caller has checked {@code audit:entry:read}.
     */
    List<AuditPerson> find(String text, int limit);

    /**
     * A person as the picker shows them.
     *
     * @param department the department's name at present (entries keep the name at the time)
     */
    record AuditPerson(long accountId, String staffNo, String fullName, String department) {
    }
}
