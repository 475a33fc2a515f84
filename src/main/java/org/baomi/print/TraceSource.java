package org.baomi.print;

import java.util.Optional;

/**
 * Service provider interface for trace codes that another module records itself because their holder is no staff
 * account (AUD-1, DOC-3): e.g. the fee lists patients print in self-service ({@code privacy}, ACC-5). The office's
 * lookup ({@link TraceCodes#lookup}) asks every bean of this type when {@code prt_trace} does not know a code, so that
 * one lookup answers for every copy Baomi made. Implementations only read, in the caller's transaction; the lookup
 * checks the permission and writes the audit record.
 */
public interface TraceSource {

    /** The copy with this code, if this source issued it. */
    Optional<TraceRecord> find(TraceCode code);
}
