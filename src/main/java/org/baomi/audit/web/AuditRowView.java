package org.baomi.audit.web;

import java.util.List;

import org.baomi.audit.AuditRecord;

/**
 * An audit record prepared for a page: its time in the hospital's zone and its details as readable pairs.
 *
 * @param accountLink the account page of the object, when the object is an account (security events link
 *                    there to unlock)
 */
record AuditRowView(AuditRecord record, String time, List<Detail> details, String accountLink) {

    record Detail(String key, String value) {
    }
}
