package org.baomi.privacy.internal;

import java.util.Collection;
import java.util.Map;

import org.baomi.privacy.PatientKeys;
import org.baomi.shared.KeyLookups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link PatientKeys} on {@code pat_patient}: one query per call, by the unique MRN or the primary key. */
@Service
class JdbcPatientKeys implements PatientKeys {

    private final JdbcClient jdbc;

    JdbcPatientKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> patientIds(Collection<String> mrns) {
        return KeyLookups.idsByKey(jdbc, "SELECT mrn, id FROM pat_patient WHERE mrn = ANY(CAST(:keys AS TEXT[]))",
                mrns);
    }

    @Override
    public Map<Long, String> mrns(Collection<Long> patientIds) {
        return KeyLookups.keysById(jdbc, "SELECT id, mrn FROM pat_patient WHERE id = ANY(CAST(:ids AS BIGINT[]))",
                patientIds);
    }
}
