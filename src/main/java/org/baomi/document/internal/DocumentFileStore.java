package org.baomi.document.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The electronic-file columns of {@code doc_document} (DOC-9): the vault's id and what the page shows of it. */
@Repository
class DocumentFileStore {

    private final JdbcClient jdbc;

    DocumentFileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the document's row so that two uploads to one document replace each other in turn, never both. */
    Optional<Long> lockFile(long documentId) {
        return jdbc.sql("SELECT file_id FROM doc_document WHERE id = :id FOR UPDATE")
                .param("id", documentId)
                .query((rs, n) -> {
                    long v = rs.getLong(1);
                    return rs.wasNull() ? -1L : v;
                })
                .optional();
    }

    void attach(long documentId, long fileId, String name, long size, String mediaType, Instant now, long actorId) {
        jdbc.sql("UPDATE doc_document SET file_id = :file, file_name = :name, file_size = :size, "
                + "file_media_type = :type, updated_at = :now, updated_by = :actor, version = version + 1 "
                + "WHERE id = :id")
                .param("file", fileId).param("name", name).param("size", size).param("type", mediaType)
                .param("now", DocumentStore.ts(now)).param("actor", actorId).param("id", documentId).update();
    }
}
