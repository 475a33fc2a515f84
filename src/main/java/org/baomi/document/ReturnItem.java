package org.baomi.document;

import java.time.Instant;

/**
 * One thing to give back in a year-end return campaign (DOC-6).
 *
 * @param kind         CIRCULATION (a reader holds a circulated document), COPY (a made copy) or CARRY_OUT
 * @param departmentId the holder's department when the campaign opened, or null
 * @param confirmedAt  when the custodian confirmed the return, or null while outstanding
 */
public record ReturnItem(long id, long campaignId, String kind, long documentId, String serialNo, String title,
        long holderId, String holderName, Long departmentId, long custodianId, Instant confirmedAt) {

    public String kindKey() {
        return "document.year-end.kind." + kind;
    }
}
