package org.baomi.privacy.internal.selfservice;

import java.util.Optional;

import org.baomi.print.TraceCode;
import org.baomi.print.TracePurpose;
import org.baomi.print.TraceRecord;
import org.baomi.print.TraceSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * ACC-5, AUD-1: the trace codes on fee lists patients printed themselves ({@code pat_self_print}) answer the office's
 * trace lookup ({@code /print/trace}) like any other copy: the holder is the patient (id, MRN, name), the object the
 * fee list (an encounter's id, or {@code all}). The print module checks the permission and audits the lookup.
 */
@Component
class SelfPrintTraces implements TraceSource {

    private final JdbcClient jdbc;

    SelfPrintTraces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TraceRecord> find(TraceCode code) {
        return jdbc.sql("""
                SELECT s.patient_id, p.mrn, p.name, s.encounter_id, s.printed_at
                FROM pat_self_print s JOIN pat_patient p ON p.id = s.patient_id
                WHERE s.trace_code = :code
                """).param("code", code.value()).query((rs, i) -> {
                    long encounter = rs.getLong(4);
                    String object = rs.wasNull() ? "all" : Long.toString(encounter);
                    return new TraceRecord(code, rs.getLong(1), rs.getString(2), rs.getString(3), "fee-list", object,
                            null, TracePurpose.PRINT, rs.getTimestamp(5).toInstant(), null,
                            TraceRecord.Holder.PATIENT);
                }).optional();
    }
}
