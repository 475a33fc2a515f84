package org.baomi.approval;

import org.baomi.shared.SecretLevel;

/**
 * Which requests of a box to list.
 *
 * @param status only this status, or null
 * @param kind   only this kind's code, or null
 * @param level  only subjects of this level, or null
 * @param page   zero-based
 * @param size   1..100
 */
public record ApprovalFilter(ApprovalBox box, ApprovalStatus status, String kind, SecretLevel level, int page,
        int size) {

    public ApprovalFilter {
        box = box == null ? ApprovalBox.WAITING : box;
        page = Math.max(0, page);
        size = size < 1 || size > 100 ? 20 : size;
    }
}
