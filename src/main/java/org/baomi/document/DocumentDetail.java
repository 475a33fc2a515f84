package org.baomi.document;

import java.time.Instant;
import java.util.List;

/**
 * A document's page: its register entry, its electronic file's metadata (if any), its whole history and its
 * circulations. The file itself is the vault's (DOC-9); {@code fileId} is the vault's id of it.
 *
 * @param viewerIsCustodian    whether the person reading the page is the custodian (who alone circulates, DOC-5)
 * @param signableCirculation the open circulation in which the person reading the page holds the document and has
 *                            not signed yet, or null
 * @param copies              the numbered copies and excerpts (DOC-3)
 * @param carryOuts           the times it was carried out (DOC-4)
 * @param viewerId            the person reading the page
 */
public record DocumentDetail(DocumentSummary summary, Long departmentId, String storagePlace, String remarks,
        Long fileId, String fileName, Long fileSize, String fileMediaType, String registeredByName,
        Instant registeredAt, int version, List<DocumentEvent> history, List<CirculationView> circulations,
        boolean viewerIsCustodian, Long signableCirculation, List<CopyRecord> copies,
        List<CarryOutRecord> carryOuts, long viewerId) {

    public DocumentDetail {
        history = List.copyOf(history);
        circulations = List.copyOf(circulations);
        copies = List.copyOf(copies);
        carryOuts = List.copyOf(carryOuts);
    }

    /** Whether the reader holds approved copies not made yet (for the "record a copy made" button). */
    public boolean viewerHoldsApprovedCopy() {
        return copies.stream().anyMatch(c -> c.holderId() == viewerId && "AUTHORISED".equals(c.status()));
    }
}
