package org.baomi.privacy;

import java.time.LocalDate;

/**
 * What a signed-in patient may see and print (issue 6 item 4, ACC-5): their own fee lists and who accessed their
 * record. Every method takes the session token; the patient is the session's, never a parameter. Every view and
 * print is audited with the patient id and the actor kind PATIENT; these entries are not disclosures.
 *
 * <p>Each method throws {@link org.baomi.shared.BaomiException} UNAUTHENTICATED
 * ({@code privacy-self.session.expired}) when the session is unknown, ended, idle too long or too old.
 */
public interface SelfServicePortal {

    /** At most this many accesses are listed in one disclosure report. */
    int MAX_DISCLOSURES = 1000;

    /** All the patient's encounters with their fee lists. Audit: {@code privacy.self.fee-list.viewed}. */
    SelfServiceFees fees(String token);

    /**
     * One of the patient's encounters with its fee list. Audit: {@code privacy.self.fee-list.viewed} with the
     * encounter id.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND {@code privacy-self.fees.not-found} for an encounter that is
     *                                         not the patient's (the same answer as for one that does not exist)
     */
    SelfServiceFees.Encounter encounter(String token, long encounterId);

    /**
     * A PDF of the fee list of one encounter, or of all when {@code encounterId} is null, watermarked with the
     * patient's name, MRN, time and a trace code. Audit: {@code privacy.self.fee-list.printed} with the trace code.
     *
     * @throws org.baomi.shared.BaomiException NOT_FOUND as {@link #encounter}
     */
    SelfServicePrint print(String token, Long encounterId);

    /**
     * Who accessed the patient's record in the period (both days inclusive; null for open): see
     * {@code docs/privacy.md} "Patient self-service" for which audit entries count. Audit:
     * {@code privacy.self.disclosures.viewed}.
     *
     * @throws org.baomi.shared.BaomiException INVALID {@code privacy-self.disclosures.error.dates} when the period
     *                                         ends before it starts
     */
    DisclosureReport disclosures(String token, LocalDate from, LocalDate to);
}
