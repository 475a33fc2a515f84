package org.baomi.audit.internal.chain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the group commit of independently written audit entries (AUD-1, issue 8 "group commit"), under
 * {@code baomi.audit.group-commit}.
 *
 * @param queueCapacity  entries waiting for a writer at most (default 10,000); beyond it callers wait
 * @param maxBatch       entries written in one transaction at most (default 1,000)
 * @param writers        writer threads, each with its own connection while it writes (default 2: while one
 *                       waits for its commit to reach the disk, the other collects and writes the next batch)
 * @param enqueueTimeout how long a caller waits for room in a full queue before its operation fails (default 5 s)
 * @param ackTimeout     how long a caller waits for the commit of its entry before its operation fails
 *                       (default 30 s); the entry may still be committed later, it is never acknowledged before
 */
@ConfigurationProperties("baomi.audit.group-commit")
public record GroupCommitProperties(Integer queueCapacity, Integer maxBatch, Integer writers, Duration enqueueTimeout,
        Duration ackTimeout) {

    public GroupCommitProperties {
        queueCapacity = queueCapacity == null ? 10_000 : queueCapacity;
        maxBatch = maxBatch == null ? 1_000 : maxBatch;
        writers = writers == null ? 2 : writers;
        enqueueTimeout = enqueueTimeout == null ? Duration.ofSeconds(5) : enqueueTimeout;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(30) : ackTimeout;
        if (queueCapacity < 1 || maxBatch < 1 || writers < 1) {
            throw new IllegalArgumentException(
                    "baomi.audit.group-commit.queue-capacity, max-batch and writers must be positive");
        }
        if (enqueueTimeout.isNegative() || ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "baomi.audit.group-commit.enqueue-timeout must not be negative, ack-timeout must be positive");
        }
    }

    /** The defaults. */
    public static GroupCommitProperties defaults() {
        return new GroupCommitProperties(null, null, null, null, null);
    }
}
