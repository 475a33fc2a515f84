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
 */
public record DocumentDetail(DocumentSummary summary, Long departmentId, String storagePlace, String remarks,
        Long fileId, String fileName, Long fileSize, String fileMediaType, String registeredByName,
        Instant registeredAt, int version, List<DocumentEvent> history, List<CirculationView> circulations,
        boolean viewerIsCustodian, Long signableCirculation) {

    public DocumentDetail {
        history = List.copyOf(history);
        circulations = List.copyOf(circulations);
    }
}
