package org.baomi.vault.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.baomi.shared.SecretLevel;
import org.baomi.vault.FileOwner;
import org.baomi.vault.LevelMark;
import org.baomi.vault.VaultAlgorithm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The vault's metadata rows ({@code vlt_file}); segments are written and read by {@link SegmentStreams}. */
@Component
class FileRows {

    private final JdbcClient jdbc;

    FileRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextId() {
        return jdbc.sql("SELECT nextval('vlt_file_id_seq')").query(Long.class).single();
    }

    /** The row as it is while segments are written: size, count and MAC are set by {@link #complete}. */
    void insertPending(FileHeader header, FileOwner owner, LevelMark mark, String mediaType, byte[] wrappedKey,
            int masterKeyVersion, Instant now, Long storedBy) {
        jdbc.sql("""
                INSERT INTO vlt_file (id, owner_type, owner_id, level, marking, media_type, algorithm, segment_size,
                    segment_count, plaintext_size, nonce_prefix, wrapped_key, master_key_version, mark_mac, stored_at,
                    stored_by)
                VALUES (:id, :ownerType, :ownerId, :level, :marking, :mediaType, :algorithm, :segmentSize, 1, 0,
                    :noncePrefix, :wrappedKey, :masterKeyVersion, '\\x'::bytea, :now, :storedBy)
                """)
                .param("id", header.fileId()).param("ownerType", owner.type()).param("ownerId", owner.id())
                .param("level", mark.level().name()).param("marking", mark.marking()).param("mediaType", mediaType)
                .param("algorithm", header.algorithm().name()).param("segmentSize", header.segmentSize())
                .param("noncePrefix", header.noncePrefix()).param("wrappedKey", wrappedKey)
                .param("masterKeyVersion", masterKeyVersion).param("now", Timestamp.from(now))
                .param("storedBy", storedBy).update();
    }

    void complete(long id, long size, int segments, byte[] markMac) {
        jdbc.sql("UPDATE vlt_file SET plaintext_size = :size, segment_count = :segments, mark_mac = :mac WHERE id = :id")
                .param("size", size).param("segments", segments).param("mac", markMac).param("id", id).update();
    }

    Optional<FileRow> find(long id) {
        return jdbc.sql("SELECT * FROM vlt_file WHERE id = :id").param("id", id).query(FileRows::map).optional();
    }

    /** Locks the row against a concurrent rebind, shred or re-wrap. */
    Optional<FileRow> findForUpdate(long id) {
        return jdbc.sql("SELECT * FROM vlt_file WHERE id = :id FOR UPDATE").param("id", id).query(FileRows::map)
                .optional();
    }

    void rebind(long id, LevelMark mark, byte[] markMac, Instant now) {
        jdbc.sql("""
                UPDATE vlt_file SET level = :level, marking = :marking, mark_mac = :mac, rebound_at = :now,
                    version = version + 1 WHERE id = :id
                """).param("level", mark.level().name()).param("marking", mark.marking()).param("mac", markMac)
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** DOC-7: the wrapped data key is overwritten with NULL and the ciphertext purged; the row stays. */
    void shred(long id, Instant now, Long by, String reason) {
        jdbc.sql("""
                UPDATE vlt_file SET wrapped_key = NULL, shredded_at = :now, shredded_by = :by, shred_reason = :reason,
                    version = version + 1 WHERE id = :id
                """).param("now", Timestamp.from(now)).param("by", by).param("reason", reason).param("id", id).update();
        jdbc.sql("DELETE FROM vlt_segment WHERE file_id = :id").param("id", id).update();
    }

    static FileRow map(ResultSet rs, int row) throws SQLException {
        Timestamp shreddedAt = rs.getTimestamp("shredded_at");
        long shreddedBy = rs.getLong("shredded_by");
        Long by = rs.wasNull() ? null : shreddedBy;
        return new FileRow(rs.getLong("id"), rs.getString("owner_type"), rs.getString("owner_id"),
                SecretLevel.valueOf(rs.getString("level")), rs.getString("marking"), rs.getString("media_type"),
                VaultAlgorithm.valueOf(rs.getString("algorithm")), rs.getInt("segment_size"),
                rs.getInt("segment_count"), rs.getLong("plaintext_size"), rs.getBytes("nonce_prefix"),
                rs.getBytes("wrapped_key"), rs.getInt("master_key_version"), rs.getBytes("mark_mac"),
                rs.getTimestamp("stored_at").toInstant(), shreddedAt == null ? null : shreddedAt.toInstant(), by,
                rs.getString("shred_reason"));
    }
}
