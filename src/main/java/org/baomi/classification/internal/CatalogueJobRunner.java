package org.baomi.classification.internal;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.baomi.classification.CatalogueJobs;
import org.baomi.shared.BaomiException;
import org.springframework.stereotype.Service;

/** Runs a background job's catalogue reads as the system actor; see {@link CatalogueJobs}. */
@Service
class CatalogueJobRunner implements CatalogueJobs {

    private static final Pattern JOB_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{2,59}");

    private final CatalogueReaders readers;

    CatalogueJobRunner(CatalogueReaders readers) {
        this.readers = readers;
    }

    @Override
    public <T> T runAs(String job, Supplier<T> work) {
        if (job == null || !JOB_NAME.matcher(job).matches()) {
            throw BaomiException.invalid("classification.error.job-name");
        }
        if (work == null) {
            throw BaomiException.invalid("classification.error.job-name");
        }
        // deny by default: a request thread keeps its caller's reach, it never borrows the system's
        if (readers.hasCaller()) {
            throw readers.refuseSystem(job);
        }
        return readers.asJob(job, work);
    }
}
