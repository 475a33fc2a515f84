package org.baomi.classification;

import java.util.function.Supplier;

/**
 * Reads of the catalogue by Baomi itself, for background jobs such as the CLS-4 declassification sweep (a period
 * ends: which default period, which level applies). {@link ClassificationCatalogue} otherwise serves only a signed-in
 * person or an API client with the scope; a job runs with neither, so it names itself explicitly here.
 *
 * <p>Inside {@link #runAs} every catalogue read is audited as {@code classification.catalogue.read} with the system
 * actor and the job's name ({@code details.job}), in the read's transaction, as an API client's reads are. Only a
 * thread without a caller may run as the system: called on behalf of a person or a client, it is refused
 * ({@code access.denied}, audited) so that nobody borrows the system's reach.
 */
public interface CatalogueJobs {

    /**
     * Runs the work with the catalogue reads attributed to the named job.
     *
     * @param job  the job's name, 3 to 60 characters of lower-case letters, digits, dots and hyphens
     *             ({@code document.declassification})
     * @param work what reads the catalogue
     * @return the work's result
     * @throws org.baomi.shared.BaomiException INVALID {@code classification.error.job-name} for a bad name;
     *                                         FORBIDDEN (audited) when a person or an API client is the caller
     */
    <T> T runAs(String job, Supplier<T> work);
}
