package org.baomi.monitor.internal.detect;

import java.time.Instant;
import java.util.List;

/**
 * The orders, appointments and referrals that explain accesses (issue 7 item 2), as ingested from the EMR/HIS into
 * {@code mon_care_context} by the ingest part of the module. The explanation step depends on this interface only.
 */
public interface CareContextSource {

    /** Contexts valid at some time at or after {@code since}. */
    List<CareContext> since(Instant since);
}
