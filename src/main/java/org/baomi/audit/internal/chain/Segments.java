package org.baomi.audit.internal.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reading {@code aud_segment}. */
final class Segments {

    private Segments() {
    }

    static Optional<Segment> latest(JdbcClient jdbc) {
        return jdbc.sql("SELECT * FROM aud_segment ORDER BY id DESC LIMIT 1").query((rs, i) -> read(rs)).optional();
    }

    static List<Segment> all(JdbcClient jdbc) {
        return jdbc.sql("SELECT * FROM aud_segment ORDER BY id").query((rs, i) -> read(rs)).list();
    }

    /** An unknown algorithm name reads as null algorithm, for the verifier to report. */
    private static Segment read(ResultSet rs) throws SQLException {
        HashAlgorithm algorithm;
        try {
            algorithm = HashAlgorithm.ofDbName(rs.getString("hash_algorithm"));
        } catch (IllegalArgumentException unknown) {
            algorithm = null;
        }
        return new Segment(rs.getInt("id"), algorithm, rs.getLong("first_seq"), rs.getBytes("prev_head_hash"),
                rs.getBytes("genesis_hash"), rs.getObject("started_at", OffsetDateTime.class).toInstant());
    }
}
