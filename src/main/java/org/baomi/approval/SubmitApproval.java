package org.baomi.approval;

import java.util.Map;

/**
 * A request as submitted (issue 4 item 2).
 *
 * @param kind         the kind's code
 * @param requesterId  the person asking (the signed-in person, or the staff member an API client names)
 * @param subjectType  the subject's object type
 * @param subjectId    the subject's id (a registered protected object)
 * @param action       for kinds that yield a grant: READ, CHANGE or EXPORT (one of the kind's actions)
 * @param reason       why, 1..1000 characters
 * @param durationDays wished duration of the grant, 1..the kind's maximum; null for the kind's default
 * @param fields       values of the kind's extra fields
 */
public record SubmitApproval(String kind, long requesterId, String subjectType, String subjectId, String action,
        String reason, Integer durationDays, Map<String, String> fields) {

    public SubmitApproval {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
