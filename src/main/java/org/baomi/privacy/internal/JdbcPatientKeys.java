package org.baomi.privacy.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.baomi.privacy.PatientKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link PatientKeys} on {@code pat_patient}: one query per call, by the unique MRN or the primary key. */
@Service
class JdbcPatientKeys implements PatientKeys {

    private static final int MAX = 10_000;

    private final JdbcClient jdbc;

    JdbcPatientKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> patientIds(Collection<String> mrns) {
        Map<String, Long> found = new HashMap<>();
        if (mrns.isEmpty()) {
            return found;
        }
        bounded(mrns.size());
        jdbc.sql("SELECT mrn, id FROM pat_patient WHERE mrn = ANY(CAST(:mrns AS TEXT[]))")
                .param("mrns", mrns.toArray(new String[0]))
                .query(rs -> {
                    found.put(rs.getString(1), rs.getLong(2));
                });
        return found;
    }

    @Override
    public Map<Long, String> mrns(Collection<Long> patientIds) {
        Map<Long, String> found = new HashMap<>();
        if (patientIds.isEmpty()) {
            return found;
        }
        bounded(patientIds.size());
        jdbc.sql("SELECT id, mrn FROM pat_patient WHERE id = ANY(CAST(:ids AS BIGINT[]))")
                .param("ids", patientIds.toArray(new Long[0]))
                .query(rs -> {
                    found.put(rs.getLong(1), rs.getString(2));
                });
        return found;
    }

    private static void bounded(int size) {
        if (size > MAX) {
            throw new IllegalArgumentException("at most " + MAX + " keys per call");
        }
    }
}
