package org.baomi.monitor.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.baomi.iam.StaffKeys;
import org.baomi.privacy.PatientKeys;
import org.baomi.test.BaomiSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bulk key translations the ingest resolves events with (issue 7 item 1): staff numbers and MRNs to ids and
 * back in one query, unknown keys simply absent, more than 10,000 keys per call refused.
 */
@BaomiSpringTest
class NaturalKeysTest {

    @Autowired StaffKeys staff;
    @Autowired PatientKeys patients;
    @Autowired JdbcClient jdbc;

    @Test
    void staffNumbersAndMrnsTranslateBothWaysAndUnknownKeysAreAbsent() {
        Map.Entry<String, Long> person = jdbc.sql("SELECT staff_no, id FROM iam_account ORDER BY id LIMIT 1")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).single();
        Map.Entry<String, Long> patient = jdbc.sql("SELECT mrn, id FROM pat_patient ORDER BY id LIMIT 1")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).single();

        assertThat(staff.personIds(List.of(person.getKey(), "NO-SUCH-STAFF")))
                .containsExactly(Map.entry(person.getKey(), person.getValue()));
        assertThat(staff.staffNumbers(List.of(person.getValue(), -1L)))
                .containsExactly(Map.entry(person.getValue(), person.getKey()));
        assertThat(patients.patientIds(List.of(patient.getKey(), "NO-SUCH-MRN")))
                .containsExactly(Map.entry(patient.getKey(), patient.getValue()));
        assertThat(patients.mrns(List.of(patient.getValue(), -1L)))
                .containsExactly(Map.entry(patient.getValue(), patient.getKey()));
        assertThat(staff.personIds(List.of())).isEmpty();
    }

    @Test
    void moreThanTenThousandKeysInOneCallAreRefused() {
        List<Long> ids = LongStream.rangeClosed(1, 10_001).boxed().toList();

        assertThatThrownBy(() -> staff.staffNumbers(ids)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> patients.mrns(ids)).isInstanceOf(IllegalArgumentException.class);
        assertThat(patients.mrns(ids.subList(0, 10_000))).isNotNull();
    }
}
